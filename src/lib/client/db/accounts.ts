/**
 * Moving data between account spaces and deleting an account's data from the device.
 */
import { accountDbName, closeAccountDb, GUEST_ACCOUNT_ID, openAccountDb } from './account-db';
import { forgetAccount } from './device';
import { deleteDatabase } from './idb';

export interface ClaimResult {
	drafts: number;
	blobs: number;
	profile: boolean;
	/** Papers of the document store moved in. */
	documents: number;
}

/**
 * Someone filled forms as a guest, then signed in: their guest drafts, files and profile
 * move into the account's database and the guest space is emptied, so the next guest on
 * this phone does not see them.
 *
 * Two databases cannot share a transaction, so this copies first (one transaction) and
 * clears the guest space after (another). If the tab dies in between, running it again
 * is harmless: copies are keyed by id and the newer revision of a draft wins.
 * An account's existing profile is kept; the guest profile only fills an empty one.
 */
export async function claimGuestSpace(accountId: string): Promise<ClaimResult> {
	if (accountId === GUEST_ACCOUNT_ID) throw new Error('Không thể chuyển dữ liệu khách vào chính nó.');
	const guest = openAccountDb(GUEST_ACCOUNT_ID);
	const target = openAccountDb(accountId);

	const [drafts, blobs, profile, documents] = await guest.transaction('r', [guest.drafts, guest.blobs, guest.profile, guest.documents], (guest) =>
		Promise.all([guest.drafts.toArray(), guest.blobs.toArray(), guest.profile.toArray(), guest.documents.toArray()])
	);
	const result: ClaimResult = { drafts: 0, blobs: 0, profile: false, documents: 0 };

	await target.transaction('rw', [target.drafts, target.blobs, target.profile, target.documents], async (target) => {
		const existing = await target.drafts.bulkGet(drafts.map((d) => d.id));
		const newer = drafts.filter((d, i) => !existing[i] || existing[i]!.revision < d.revision);
		await target.drafts.bulkPut(newer);
		result.drafts = newer.length;

		const haveBlobs = await target.blobs.bulkGet(blobs.map((b) => b.sha256));
		const missingBlobs = blobs.filter((_, i) => !haveBlobs[i]);
		await target.blobs.bulkAdd(missingBlobs);
		result.blobs = missingBlobs.length;

		if (profile.length > 0 && (await target.profile.count()) === 0) {
			await target.profile.bulkAdd(profile);
			result.profile = true;
		}

		const haveDocuments = await target.documents.bulkGet(documents.map((d) => d.id));
		const missingDocuments = documents.filter((_, i) => !haveDocuments[i]);
		await target.documents.bulkAdd(missingDocuments);
		result.documents = missingDocuments.length;
	});

	await guest.transaction('rw', [guest.drafts, guest.blobs, guest.profile, guest.documents], async (guest) => {
		await Promise.all([guest.drafts.clear(), guest.blobs.clear(), guest.profile.clear(), guest.documents.clear()]);
	});
	return result;
}

/**
 * "Xoá dữ liệu trên thiết bị này": deletes the account's whole database (drafts, files,
 * profile, outbox, receipts, the document store) and forgets the account and its PIN on this device.
 * Other open tabs lose their connection (a handle closes on `versionchange`) and must
 * reload; the caller should sign the person out first.
 */
export async function wipeAccount(accountId: string): Promise<void> {
	const name = accountDbName(accountId);
	closeAccountDb(accountId);
	await deleteDatabase(name);
	if (accountId !== GUEST_ACCOUNT_ID) await forgetAccount(accountId);
}
