import './helpers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openAccountDb } from '$lib/client/db/account-db';
import { putBlob } from '$lib/client/db/blobs';
import { createDraft } from '$lib/client/db/drafts';
import {
	draftsUsageBytes,
	isSpaceLow,
	requestPersistence,
	storageEstimate
} from '$lib/client/storage';
import { birthProcedure, freshAccountId, resetDatabases } from './helpers';

const MB = 1024 * 1024;

afterEach(async () => {
	vi.unstubAllGlobals();
	await resetDatabases();
});

describe('storage persistence and space', () => {
	it('reports unsupported / unknown where navigator.storage is missing', async () => {
		vi.stubGlobal('navigator', {});
		expect(await requestPersistence()).toBe('unsupported');
		expect(await storageEstimate()).toEqual({});
		expect(isSpaceLow({}, 10 * MB)).toBe(false);
	});

	it('asks for persistence only when not already persisted', async () => {
		const persist = vi.fn(async () => false);
		vi.stubGlobal('navigator', { storage: { persisted: async () => false, persist } });
		expect(await requestPersistence()).toBe('denied');
		vi.stubGlobal('navigator', { storage: { persisted: async () => true, persist } });
		expect(await requestPersistence()).toBe('granted');
		expect(persist).toHaveBeenCalledTimes(1);
	});

	it('computes available space from the estimate', async () => {
		vi.stubGlobal('navigator', { storage: { estimate: async () => ({ usage: 100 * MB, quota: 1000 * MB }) } });
		expect(await storageEstimate()).toEqual({ usage: 100 * MB, quota: 1000 * MB, available: 900 * MB });
	});

	it('calls space low under 50 MB or under 10 % left after the write', () => {
		expect(isSpaceLow({ quota: 2000 * MB, available: 500 * MB }, 10 * MB)).toBe(false);
		expect(isSpaceLow({ quota: 2000 * MB, available: 500 * MB }, 400 * MB)).toBe(true); // 100 MB < 10 %
		expect(isSpaceLow({ quota: 300 * MB, available: 60 * MB }, 20 * MB)).toBe(true); // 40 MB < 50 MB
	});

	it('counts drafts as UTF-8 JSON plus stored file sizes', async () => {
		const db = openAccountDb(freshAccountId());
		expect(await draftsUsageBytes(db)).toBe(0);
		const draft = await createDraft(db, { procedure: birthProcedure, answers: { note: 'ắ'.repeat(1000) } });
		const json = new TextEncoder().encode(JSON.stringify(draft)).byteLength;
		expect(await draftsUsageBytes(db)).toBe(json);
		await putBlob(db, new Blob([new Uint8Array(5000)], { type: 'application/pdf' }), 'a.pdf');
		expect(await draftsUsageBytes(db)).toBe(json + 5000);
	});
});
