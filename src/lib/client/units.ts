/**
 * The administrative units on the device: the 2025 units are precached by the service
 * worker; the pre-2025 list (for "I have an old address") is fetched at first need and
 * then kept by the worker.
 */
import { decodeCurrentUnits, decodeLegacyUnits, type CurrentUnits, type LegacyUnits } from '$lib/domain/units';

let current: Promise<CurrentUnits> | undefined;
let legacy: Promise<LegacyUnits> | undefined;

async function getJson(url: string) {
	const res = await fetch(url);
	if (!res.ok) throw new Error(`Không tải được danh mục đơn vị hành chính (${res.status}). Hãy thử lại khi có mạng.`);
	return res.json();
}

export function loadCurrentUnits(): Promise<CurrentUnits> {
	current ??= getJson('/units/current.json').then(decodeCurrentUnits);
	current.catch(() => (current = undefined));
	return current;
}

export function loadLegacyUnits(): Promise<LegacyUnits> {
	legacy ??= getJson('/units/legacy.json').then(decodeLegacyUnits);
	legacy.catch(() => (legacy = undefined));
	return legacy;
}
