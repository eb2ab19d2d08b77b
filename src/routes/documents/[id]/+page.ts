// The document store lives on the device only: rendered in the browser, from IndexedDB.
export const ssr = false;
