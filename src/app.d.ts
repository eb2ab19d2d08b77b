// See https://svelte.dev/docs/kit/types#app.d.ts
import type { AccountView } from '$lib/server/accounts/store';

declare global {
	namespace App {
		interface Error {
			message: string;
			code?: string;
			/** Set by hooks.client.ts when the page could not reach the server. */
			network?: boolean;
		}
		interface Locals {
			/** The signed-in account, from the session cookie; null when signed out. */
			account: AccountView | null;
			sessionToken: string | null;
			/** The language chosen on this browser (the `lang` cookie); pages are rendered in it. */
			locale: 'vi' | 'en';
		}
	}
}

export {};
