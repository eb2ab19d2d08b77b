import 'fake-indexeddb/auto';
import { createAccountDb, type AccountDb } from '$lib/client/db/account-db';
import type { EngineDeps } from '$lib/client/sync/engine';
import type { ManifestInput } from '$lib/client/db/outbox';
import type { UploadRequest } from '$lib/client/sync/uploader';

let n = 0;
export const freshDb = (): AccountDb => createAccountDb(`outbox-${process.pid}-${++n}-${Math.random().toString(36).slice(2, 8)}`);

export const sha = (i: number) => i.toString(16).padStart(64, '0');

export const draft = (overrides: Partial<{ id: string; revision: number; answers: Record<string, unknown> }> = {}) => ({
	id: overrides.id ?? 'draft-1',
	procedureCode: '1.004194',
	procedureName: 'Đăng ký tạm trú',
	revision: overrides.revision ?? 3,
	answers: overrides.answers ?? { declarantName: 'Nguyễn Văn An', residenceProofFile: [{ sha256: sha(1), name: 'hd.jpg', size: 1000, type: 'image/jpeg' }] }
});

export const input: ManifestInput = {
	attachments: [{ slot: 'residenceProofFile', sha256: sha(1), name: 'hd.jpg', size: 1000, type: 'image/jpeg' }],
	delivery: { method: 'online' },
	agencyCode: 'C01.11.30.H26'
};

export const receiptFor = (id: string) => ({
	dossierId: id,
	code: 'C01.11.30.H26-260302-0001',
	procedureCode: '1.004194',
	procedureName: 'Đăng ký tạm trú',
	receivedAt: '2026-03-02T10:00:00+07:00',
	appointmentDate: '2026-03-05',
	status: 1,
	agencyName: 'Công an xã Sóc Sơn, Hà Nội'
});

export const json = (status: number, body: unknown) =>
	new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A scripted server: each route answers from a queue of responses (or throws = no network). */
export function scriptedDeps(script: {
	check?: ((body: unknown) => Response)[];
	put?: ((body: unknown) => Response)[];
	upload?: ((req: UploadRequest) => Promise<void>)[];
}) {
	const calls: { url: string; method: string; body: unknown }[] = [];
	const uploads: UploadRequest[] = [];
	let clock = 1_000_000;
	const deps: EngineDeps = {
		now: () => clock,
		random: () => 0.5,
		fetch: async (url, init) => {
			const body = JSON.parse(String(init?.body ?? 'null'));
			calls.push({ url: String(url), method: init?.method ?? 'GET', body });
			const next = String(url).endsWith('/check') ? script.check?.shift() : script.put?.shift();
			if (!next) throw new TypeError('Failed to fetch');
			return next(body);
		},
		upload: async (req) => {
			uploads.push(req);
			const step = script.upload?.shift();
			if (!step) throw new Error('unexpected upload');
			await step(req);
		}
	};
	return { deps, calls, uploads, advance: (ms: number) => (clock += ms) };
}
