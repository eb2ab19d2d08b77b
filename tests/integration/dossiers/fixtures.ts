/** Accounts, blobs and a valid manifest for the dossier tests (procedure 1.004194, đăng ký tạm trú). */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DossierManifestInput } from '$lib/domain/wire/dossiers';
import type { Database } from '$lib/server/db/types';

export const MiB = 1024 * 1024;
export const limits = { maxFileBytes: 10 * MiB, maxDossierBytes: 30 * MiB };

/** A citizen "Nguyễn Văn <suffix>", or an officer of `staff.agencyCode` named `staff.fullName`. */
export async function createAccount(db: Kysely<Database>, suffix: string, staff?: { agencyCode: string; fullName: string }): Promise<string> {
	const id = randomUUID();
	const now = new Date().toISOString();
	await db
		.insertInto('accounts')
		.values({
			id,
			role: staff ? 'officer' : 'citizen',
			agency_code: staff?.agencyCode ?? null,
			full_name: staff?.fullName ?? `Nguyễn Văn ${suffix}`,
			id_number: `0010901${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`,
			pending_id_number: null,
			date_of_birth: '1990-05-15',
			sex: 'nam',
			phone: `09${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
			email: null,
			permanent_address: null,
			password_hash: 'x',
			status: 'active',
			created_at: now,
			updated_at: now
		})
		.execute();
	return id;
}

export const sha = (n: number) => n.toString(16).padStart(64, '0');

export async function giveBlob(db: Kysely<Database>, accountId: string, sha256: string, size = 1000, type = 'image/jpeg') {
	await db.insertInto('blobs').values({ account_id: accountId, sha256, size, type, created_at: new Date().toISOString() }).execute();
}

/** Công an xã Sóc Sơn, Hà Nội: the demo agency of kind cong-an-xa in data/agencies.json. */
export const POLICE_SOC_SON = 'C01.11.30.H26';

export function manifest(overrides: Partial<DossierManifestInput> = {}, files: { sha256: string; size?: number }[] = []): DossierManifestInput {
	const attached = files.map((f, i) => ({ sha256: f.sha256, name: `hop-dong-${i}.jpg`, size: f.size ?? 1000, type: 'image/jpeg' as const }));
	return {
		version: 1,
		procedureCode: '1.004194',
		answers: {
			declarantName: 'Nguyễn Văn An',
			declarantBirthDate: '15/05/1990',
			declarantSex: 'nam',
			declarantIdNumber: '001090123456',
			declarantPhone: '0912345678',
			tempAddress: { provinceCode: '01', communeCode: '00376', street: 'Số 5, thôn Đông' },
			tempMonths: '12',
			tempReason: 'di-lam',
			pledged: true,
			...(attached.length ? { residenceProofFile: attached } : {})
		},
		attachments: attached.map((a) => ({ slot: 'residenceProofFile', ...a })),
		delivery: { method: 'online' },
		agencyCode: POLICE_SOC_SON,
		submittedAt: '2026-03-02T10:00:00+07:00',
		...overrides
	};
}

/** Monday 2 March 2026, 10:00 Vietnam time: a working day before the 15:00 cut-off. */
export const MONDAY_10AM = new Date('2026-03-02T03:00:00Z');
