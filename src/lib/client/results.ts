/** A result file opened by the citizen: kept in the account's document store on this device, then saved. */
import { api } from './api';

export async function keepResultFile(dossierId: string, file: { sha256: string; name: string }): Promise<void> {
	const blob = await api.resultFile(dossierId, file.sha256);
	try {
		const [{ accountDb }, { putBlob }] = await Promise.all([import('./space/session.svelte'), import('./db/blobs')]);
		await putBlob(await accountDb(), blob, file.name);
	} catch {
		// No account space on this device (signed out, private mode): the download alone will do.
	}
	const { saveBlob } = await import('./pdf/download');
	saveBlob(blob, file.name);
}
