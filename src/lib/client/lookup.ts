/**
 * A lookup with no signal: the person's own dossiers are on the device ("Hồ sơ của tôi" and
 * the receipts of what this device sent), so a code from an SMS or a receipt still answers.
 * Other people's dossiers are never on the device; their lookup needs the server.
 */
import { statusName } from '$lib/domain/wire/dossiers';
import type { LookupEntry, LookupQuery } from '$lib/domain/wire/lookup';
import { GUEST_ACCOUNT_ID } from './db/account-db';
import { getDeviceAccount } from './db/device';
import { findCachedByCode } from './db/dossier-cache';
import { listReceipts } from './db/outbox';
import { accountDb, session } from './space/session.svelte';

export async function lookupOnDevice(query: LookupQuery): Promise<LookupEntry[]> {
	if (!('code' in query)) return [];
	const db = await accountDb();
	const owner = session.accountId === GUEST_ACCOUNT_ID ? undefined : await getDeviceAccount(session.accountId).catch(() => undefined);
	const applicantName = owner?.displayName ?? '';
	const cached = await findCachedByCode(db, query.code);
	if (cached)
		return [
			{
				code: cached.code,
				procedure: cached.procedure,
				applicantName,
				receivedAt: cached.receivedAt,
				appointmentDate: cached.appointmentDate,
				status: { code: cached.status, name: cached.statusName },
				dossierId: cached.id
			}
		];
	const receipt = (await listReceipts(db)).find((r) => r.code === query.code);
	if (!receipt) return [];
	return [
		{
			code: receipt.code,
			procedure: { code: receipt.procedureCode, name: receipt.procedureName },
			applicantName,
			receivedAt: receipt.receivedAt,
			appointmentDate: receipt.appointmentDate,
			status: { code: receipt.status, name: statusName(receipt.status) },
			dossierId: receipt.dossierId
		}
	];
}
