/**
 * A result file opened by the citizen, on the dossier page or the fees page: kept in the
 * account's space on this device (so it opens again offline), then handed to the downloads.
 * Loaded on demand: the code is needed only once someone taps "Tải kết quả".
 */
import { api } from './api';
import { keptFile } from './my-dossiers';
import { saveBlob } from './save-file';
import { accountDb } from './space/session.svelte';

export async function openResultFile(dossierId: string, file: { sha256: string; name: string }): Promise<void> {
	// No account space on this device (signed out, private mode): the download alone will do.
	const db = await accountDb().catch(() => null);
	const blob = db ? await keptFile(db, dossierId, file) : await api.file(dossierId, file.sha256);
	saveBlob(blob, file.name);
}
