// A link to a form, `/procedures/{code}/apply` (an SMS, a QR code), with a procedure code's shape:
// its first answer names what the form needs next (the server hook's preloads, the draft page's
// files added by `npm start`, scripts/link-hints.js). Plain JS: `npm start` reads it too.

/**
 * The procedure code of a link to a form, or undefined for any other path (the code goes into the page).
 * @param {string} pathname
 * @returns {string | undefined}
 */
export function applyLinkProcedure(pathname) {
	return /^\/procedures\/(\d{1,3}\.\d{6})\/apply$/.exec(pathname)?.[1];
}
