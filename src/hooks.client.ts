import type { ClientInit, HandleClientError } from '@sveltejs/kit';

/**
 * A page that starts in English: rendered so by the server (<html lang="en">, from the `lang`
 * cookie), or prerendered in Vietnamese (home, procedures) for a browser whose cookie asks for
 * English. All its English loads before the app starts, so the server's English is never
 * switched back and a prerendered page is English from its start instead of after. The first
 * paint waits for nothing; a Vietnamese page loads none of it.
 */
export const init: ClientInit = async () => {
	// LANG_COOKIE ($lib/domain/wire/cookies.ts), written here to keep the entry script small.
	if (document.documentElement.lang === 'en' || /(^|; )lang=en(;|$)/.test(document.cookie)) await (await import('$lib/i18n/all-english')).startInEnglish();
};

// The page's CSP allows no eval (svelte.config.js, kit.csp): zod's compiled object parser
// would try `new Function` once, be refused and fall back, but the refusal is still reported
// as a CSP violation. Off before any schema parses (this module loads before any page).
// Set on zod's own global config object (what `z.config({ jitless: true })` writes to) rather
// than by importing zod here, which would add zod to the first visit's JavaScript;
// tests/unit/build/zod-jitless.test.ts checks that zod reads it.
const zodGlobal = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
(zodGlobal.__zod_globalConfig ??= {}).jitless = true;

/**
 * An error while the page loads data on the phone. A failed fetch is almost always no signal
 * (or a signal that carries nothing); the error page then says which parts of the app work
 * without it instead of a bare "500".
 */
export const handleError: HandleClientError = ({ error }) => {
	const network = error instanceof TypeError && /fetch|network|load failed/i.test(error.message);
	if (!network) console.error(error);
	return network
		? { message: 'Không kết nối được với máy chủ.', network: true }
		: { message: 'Ứng dụng gặp lỗi khi mở trang này.' };
};
