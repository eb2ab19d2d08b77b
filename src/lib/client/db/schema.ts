/**
 * The persisted format of one account's data on the device: record types, their zod
 * schemas, every schema version ever shipped (in Dexie's spec syntax, which wrote the
 * first databases: idb.ts reads it), and the migrations between them.
 *
 * Rule: a version that has shipped is never edited or removed. A browser may still hold
 * a database at that version (an installed PWA that was not opened for months), and
 * the database layer needs the old declarations to know where the data starts from. Add a new
 * version with an `upgrade` instead.
 */
import * as z from 'zod/mini';
import { autofillKeys } from '$lib/domain/autofill-keys';
import { addressAnswerSchema } from '$lib/domain/units';

/** Answers of a form: field id → value (strings, numbers, booleans, arrays, group rows). */
export type Answers = Record<string, unknown>;

/** Version of the draft record format written by this code (see `migrateDraftV1`). */
export const DRAFT_SCHEMA_VERSION = 2;

const isoDate = z.iso.datetime();

export const draftSchema = z.object({
	id: z.string().check(z.minLength(1)),
	procedureCode: z.string().check(z.minLength(1)),
	procedureName: z.string(),
	/** Shown in "Hồ sơ nháp"; the person may rename it. */
	title: z.string(),
	answers: z.record(z.string(), z.unknown()),
	/** Field ids that were pre-filled from the profile (so the page can mark them). */
	autofilled: z.array(z.string()),
	/** Index of the form step the person was on. */
	step: z.int().check(z.minimum(0)),
	createdAt: isoDate,
	updatedAt: isoDate,
	/** +1 on every save of the answers; compare-and-set guard between tabs. */
	revision: z.int().check(z.minimum(0)),
	/** Set by a soft delete, so "Hoàn tác" can bring the draft back. */
	deletedAt: z.optional(isoDate),
	schemaVersion: z.int()
});
export type Draft = z.infer<typeof draftSchema>;

/** Text values, or an address (province/commune codes + street) for the address keys. */
export const profileValuesSchema = z.partialRecord(z.enum(autofillKeys), z.union([z.string(), addressAnswerSchema]));
export type ProfileValues = z.infer<typeof profileValuesSchema>;

export const PROFILE_KEY = 'me';
export interface ProfileRecord {
	id: typeof PROFILE_KEY;
	values: ProfileValues;
	/** When the person ticked "save to this device" (Decree 13/2023/NĐ-CP: consent must be explicit). */
	consent: { savedAt: string };
	updatedAt: string;
}

/** A file picked or captured on the device, addressed by its content hash. */
export interface BlobRecord {
	sha256: string;
	type: string;
	size: number;
	name: string;
	data: Blob;
	createdAt: string;
}

// ---------------------------------------------------------------------------
// Schema versions. Keep every one of them (see the header comment).

/** v1 (first release): drafts kept answers in `data`, dates as epoch ms, no revision. */
export const ACCOUNT_STORES_V1 = {
	drafts: 'id, procedureCode, updatedAt',
	profile: 'id'
} as const;

/** v2: `answers`, ISO dates, `revision` for cross-tab saves; outbox, receipts, blobs added. */
export const ACCOUNT_STORES_V2 = {
	drafts: 'id, procedureCode, updatedAt, deletedAt',
	profile: 'id',
	outbox: 'id, state, draftId',
	receipts: 'id, code',
	blobs: 'sha256, createdAt'
} as const;

/**
 * v3: `dossiers`, the account's sent dossiers as the server last described them (status,
 * timeline, supplement request, result files), so "Hồ sơ của tôi" and a lookup of one's
 * own code open with no signal. Result files live in `blobs` like any other file.
 */
export const ACCOUNT_STORES_V3 = {
	...ACCOUNT_STORES_V2,
	dossiers: 'id, code, fetchedAt'
} as const;

/**
 * v4: `documents`, the personal document store ("Kho giấy tờ", document-record.ts); its
 * files live in `blobs` like every attachment. Only a table is added: nothing to move.
 */
export const ACCOUNT_STORES_V4 = {
	...ACCOUNT_STORES_V3,
	documents: 'id, holderKey, updatedAt, deletedAt'
} as const;

/** A draft as v1 wrote it. Everything is optional: old data is read defensively. */
export interface DraftV1 {
	id: string;
	procedureCode?: string;
	procedureName?: string;
	title?: string;
	data?: Answers;
	autofilled?: string[];
	step?: number;
	createdAt?: number;
	updatedAt?: number;
}

function toIso(ms: unknown, fallback: string): string {
	return typeof ms === 'number' && Number.isFinite(ms) ? new Date(ms).toISOString() : fallback;
}

/**
 * v1 → v2 for one draft. Never throws and never drops answers: missing fields get
 * neutral defaults so a half-written old record still opens.
 */
export function migrateDraftV1(old: DraftV1, now = new Date().toISOString()): Draft {
	const createdAt = toIso(old.createdAt, now);
	const answers = old.data && typeof old.data === 'object' ? old.data : {};
	return {
		id: old.id,
		procedureCode: old.procedureCode ?? '',
		procedureName: old.procedureName ?? '',
		title: old.title ?? old.procedureName ?? 'Hồ sơ nháp',
		answers,
		autofilled: Array.isArray(old.autofilled) ? old.autofilled : [],
		step: Number.isInteger(old.step) && (old.step as number) >= 0 ? (old.step as number) : 0,
		createdAt,
		updatedAt: toIso(old.updatedAt, createdAt),
		// Revision 1: the draft was saved at least once.
		revision: 1,
		schemaVersion: DRAFT_SCHEMA_VERSION
	};
}
