// An empty page rendered without SSR and precached by the service worker. When a page
// is asked for offline and is not in any cache, the worker answers with this shell: the
// SvelteKit client then starts on the real URL and renders it from local data.
export const ssr = false;
export const prerender = true;
