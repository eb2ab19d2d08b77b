/**
 * The agency directory on the device: precached by the service worker with the app (≈ 8 KB
 * brotli; its URL carries a content hash, so an update fetches only a changed directory), so
 * the submit step names the competent agency with no signal, even for a draft started offline.
 */
import directoryUrl from '$data/agencies/directory.json?url';
import { decodeAgencyDirectory, type AgencyDirectory } from '$lib/domain/agency-directory';
import { loadCurrentUnits } from './units';

let directory: Promise<AgencyDirectory> | undefined;

export function loadAgencyDirectory(): Promise<AgencyDirectory> {
	directory ??= (async () => {
		const [units, res] = await Promise.all([loadCurrentUnits(), fetch(directoryUrl)]);
		if (!res.ok) throw new Error(`agency directory: HTTP ${res.status}`);
		return decodeAgencyDirectory(await res.json(), units);
	})().catch(() => {
		directory = undefined;
		// The submit step words it for the person (agency.notOnDevice).
		throw new Error('agency directory not on this device');
	});
	return directory;
}
