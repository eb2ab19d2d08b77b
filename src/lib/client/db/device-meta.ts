/** The device database's `meta` table, by the names in ./keys.ts. */
import { openDeviceDb } from './device-db';


export async function getMeta(key: string): Promise<unknown> {
	return (await openDeviceDb().meta.get(key))?.value;
}

export async function setMeta(key: string, value: unknown): Promise<void> {
	await openDeviceDb().meta.put({ key, value });
}

export async function deleteMeta(...keys: string[]): Promise<void> {
	await openDeviceDb().meta.bulkDelete(keys);
}

