/**
 * The header's language form (`POST /language`, a tap before the page's scripts started), read
 * the same way by the server (src/routes/language/+server.ts) and, with no signal, by the
 * service worker.
 */

/** The language the form asks for: anything but 'en' is Vietnamese. */
export const chosenLocale = (form: FormData | undefined): 'en' | 'vi' => (form?.get('to') === 'en' ? 'en' : 'vi');

/** The page the form was posted from when it is one of ours (never an open redirect), else home. */
export function pageBack(referrer: string | null | undefined, isOurs: (origin: string) => boolean): string {
	if (!referrer) return '/';
	try {
		const from = new URL(referrer);
		return isOurs(from.origin) && from.pathname !== '/language' ? from.pathname + from.search : '/';
	} catch {
		return '/';
	}
}
