// Starts a new draft on the device (works offline) and opens it.
export const ssr = false;
export const prerender = false;
