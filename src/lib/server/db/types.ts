import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Table types. Portable conventions, used everywhere so one set of migrations and one
 * set of queries run on SQLite and PostgreSQL alike:
 * - ids are text (UUIDs, or hex digests where the id is a hash);
 * - timestamps are ISO-8601 UTC text from `Date#toISOString()` (fixed width, so text
 *   order is time order and `<`/`>` comparisons work on both dialects);
 * - booleans are integers 0/1; JSON is stored as text.
 */

export type IsoTime = string;
export type Role = 'citizen' | 'officer' | 'admin';
export type AccountStatus = 'pending' | 'active' | 'locked';
export type CodePurpose = 'activate' | 'reset' | 'change-id';
export type Channel = 'sms' | 'email';

export interface AccountsTable {
	id: string;
	role: Role;
	agency_code: string | null;
	full_name: string;
	id_number: string;
	/** An ID number change waiting for its 'change-id' code. */
	pending_id_number: string | null;
	/** yyyy-mm-dd; null for staff accounts created without it. */
	date_of_birth: string | null;
	sex: 'nam' | 'nu' | null;
	phone: string;
	email: string | null;
	/** JSON text of `{ provinceCode, communeCode, street }`. */
	permanent_address: string | null;
	password_hash: string;
	status: AccountStatus;
	created_at: IsoTime;
	updated_at: IsoTime;
}

export interface SessionsTable {
	/** Hex SHA-256 of the random token; the token itself is never stored. */
	id: string;
	account_id: string;
	created_at: IsoTime;
	expires_at: IsoTime;
	last_seen_at: IsoTime;
	user_agent: string | null;
}

export interface OneTimeCodesTable {
	id: string;
	account_id: string;
	purpose: CodePurpose;
	code_hash: string;
	channel: Channel;
	expires_at: IsoTime;
	attempts: Generated<number>;
	used_at: IsoTime | null;
	created_at: IsoTime;
}

export interface RateLimitsTable {
	key: string;
	window_start: IsoTime;
	count: number;
}

export interface OutboundMessagesTable {
	id: string;
	channel: Channel;
	recipient: string;
	subject: string | null;
	body: string;
	created_at: IsoTime;
}

/** Version (content hash) of the reference data last written into the database, by name. */
export interface ReferenceVersionsTable {
	name: string;
	version: string;
}

export interface AgenciesTable {
	code: string;
	name: string;
	/** A kind of data/agencies.json ('ubnd-xa', 'cong-an-xa', 'so-tu-phap' …), or 'commune' for the demo desk. */
	kind: string;
	province_code: string | null;
	commune_code: string | null;
}

export interface Database {
	accounts: AccountsTable;
	sessions: SessionsTable;
	one_time_codes: OneTimeCodesTable;
	rate_limits: RateLimitsTable;
	outbound_messages: OutboundMessagesTable;
	agencies: AgenciesTable;
	reference_versions: ReferenceVersionsTable;
}

export type AccountRow = Selectable<AccountsTable>;
export type NewAccount = Insertable<AccountsTable>;
export type AccountUpdate = Updateable<AccountsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type OneTimeCodeRow = Selectable<OneTimeCodesTable>;
export type OutboundMessageRow = Selectable<OutboundMessagesTable>;
export type AgencyRow = Selectable<AgenciesTable>;

// ---- dossiers, uploads and blobs (migration 0002); merged into `Database` above ----

export interface UploadsTable {
	/** The tus upload id. */
	id: string;
	account_id: string;
	/** Declared SHA-256 (hex) the finished file must hash to. */
	sha256: string;
	size: number;
	/** Bytes that actually reached the server over every PATCH/POST of this upload. */
	bytes_received: Generated<number>;
	created_at: IsoTime;
	completed_at: IsoTime | null;
}

export interface BlobsTable {
	account_id: string;
	sha256: string;
	size: number;
	/** Sniffed MIME type (image/jpeg, image/png, image/webp, application/pdf). */
	type: string;
	created_at: IsoTime;
}

export interface DossierSequencesTable {
	agency_code: string;
	/** yyyy-mm-dd, Vietnam time. */
	day: string;
	last: number;
}

export interface DossiersTable {
	id: string;
	account_id: string;
	procedure_code: string;
	agency_code: string;
	code: string;
	status: number;
	/** JSON text of the submitted manifest. */
	manifest: string;
	/** Hex SHA-256 of the manifest's canonical JSON (manifestDigest). */
	digest: string;
	received_at: IsoTime;
	appointment_date: string;
	/** JSON text of the receipt as first answered, replayed verbatim. */
	receipt: string;
}

export interface DossierEventsTable {
	id: string;
	dossier_id: string;
	status: number;
	at: IsoTime;
	note: string | null;
}

export interface DossierAttachmentsTable {
	dossier_id: string;
	slot: string;
	sha256: string;
}

// Declaration merging: adds these tables to the `Database` interface declared above.
export interface Database {
	uploads: UploadsTable;
	blobs: BlobsTable;
	dossier_sequences: DossierSequencesTable;
	dossiers: DossiersTable;
	dossier_events: DossierEventsTable;
	dossier_attachments: DossierAttachmentsTable;
}
