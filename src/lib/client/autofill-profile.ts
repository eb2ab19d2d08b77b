/**
 * What a new draft is pre-filled from: the profile the person chose to keep on this device
 * (consent given on "Lưu thông tin để điền tự động lần sau") and, for a signed-in person
 * who is online, the details of their own account (given at registration). The device
 * profile wins where both have a value, since the person edited it last for forms.
 */
import { editableAccountKeys } from '$lib/domain/wire/accounts';
import type { AccountDb } from './db/account-db';
import { getProfile } from './db/profile';
import { GUEST_ACCOUNT_ID } from './db/account-db';

async function accountDetails(): Promise<Record<string, unknown>> {
	if (typeof navigator !== 'undefined' && !navigator.onLine) return {};
	try {
		const account: Record<string, unknown> = await (await import('./api/accounts')).accountsApi().account();
		const out: Record<string, unknown> = {};
		for (const key of editableAccountKeys) if (account[key] !== null && account[key] !== undefined && account[key] !== '') out[key] = account[key];
		return out;
	} catch {
		return {};
	}
}

export async function autofillProfile(db: AccountDb, accountId: string): Promise<Record<string, unknown>> {
	const local = (await getProfile(db))?.values ?? {};
	const remote = accountId === GUEST_ACCOUNT_ID ? {} : await accountDetails();
	return { ...remote, ...local };
}
