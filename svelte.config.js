import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build', precompress: true }),
		// The service worker is registered by workbox-window (src/lib/client/sw-update.ts)
		// so that an update is offered to the user instead of applied under them.
		serviceWorker: { register: false },
		// SvelteKit's origin check on form posts and non-GET requests (CSRF).
		csrf: { trustedOrigins: [] },
		alias: { $data: 'data' }
	}
};

export default config;
