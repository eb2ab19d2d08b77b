/**
 * Runs `edit(status, headers)` just before a response's head is written, on the headers object
 * SvelteKit or sirv passes to `writeHead` (undefined when they set headers one by one). A raw
 * header list is passed through untouched. Used by the wrappers `npm start` puts around the
 * built app (scripts/start.js).
 * @param {import('node:http').ServerResponse} res
 * @param {(status: number, headers: import('node:http').OutgoingHttpHeaders | undefined) => void} edit
 */
export function beforeWriteHead(res, edit) {
	const writeHead = res.writeHead.bind(res);
	/** @type {typeof res.writeHead} */
	res.writeHead = (status, ...rest) => {
		const headers = typeof rest[0] === 'string' ? rest[1] : rest[0];
		if (!Array.isArray(headers)) edit(status, /** @type {import('node:http').OutgoingHttpHeaders | undefined} */ (headers));
		return writeHead(status, ...rest);
	};
}
