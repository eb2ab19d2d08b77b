/** Shared fixtures for accounts tests: a controllable clock, the mailbox as inbox, sample input. */
import type { RegistrationInput } from '$lib/domain/account';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import { activate, register, type AccountDeps } from '$lib/server/accounts';
import { ApiError } from '$lib/server/http/api-error';
import { CURRENT_PARAMS } from '$lib/server/accounts/passwords';
import type { Database } from '$lib/server/db';
import { createMailboxMessenger, listMailbox } from '$lib/server/messaging';

export interface TestDeps extends AccountDeps {
	/** Moves the injected clock forward. */
	advance(ms: number): void;
}

/** Cheap scrypt cost for tests (1 MiB); one test per area uses the real cost. */
export const TEST_PASSWORD_PARAMS = { ...CURRENT_PARAMS, logN: 10 };

export function makeDeps(
	db: Kysely<Database>,
	options: { start?: string; realPasswordCost?: boolean } = {}
): TestDeps {
	let now = new Date(options.start ?? '2026-03-02T02:00:00.000Z');
	const clock = () => now;
	return {
		db,
		config: { env: 'development' },
		messenger: createMailboxMessenger(db, clock),
		now: clock,
		passwordParams: options.realPasswordCost ? undefined : TEST_PASSWORD_PARAMS,
		advance(ms) {
			now = new Date(now.getTime() + ms);
		}
	};
}

import { citizen } from '../../fixtures/citizen';
export { citizen };

/** The 6-digit code in the newest message to `recipient`. */
export async function latestCode(db: Kysely<Database>, recipient: string): Promise<string> {
	const [message] = await listMailbox(db, { recipient, limit: 1 });
	const code = message?.body.match(/\b(\d{6})\b/)?.[1];
	if (!code) throw new Error(`no code sent to ${recipient}`);
	return code;
}

export const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

/** Registers and activates; returns the account id. */
export async function registerActive(deps: TestDeps, overrides: Partial<RegistrationInput> = {}): Promise<string> {
	const input = citizen(overrides);
	const { accountId } = await register(deps, input);
	const phone = input.phone.replace(/\s/g, '');
	await activate(deps, { accountId }, await latestCode(deps.db, phone));
	return accountId;
}

/** Awaits a rejection with an ApiError and returns it for further checks. */
export async function accountError(promise: Promise<unknown>): Promise<ApiError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(ApiError);
	return error as ApiError;
}
