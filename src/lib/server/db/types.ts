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
	/** JSON `[{ name, type, size }]` of the files the message carried (migration 0030), or null. */
	attachments: string | null;
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

// ---- the officer workflow (migration 0011); merged into `Database` above ----

/** The columns 0011 added to `dossier_events`: who acted, from which status, on which request. */
export interface DossierEventsTable {
	/** 'submit' for the submission, an ActionName after it; null on rows older than 0011. */
	action: string | null;
	actor_id: string | null;
	actor_role: string | null;
	actor_name: string | null;
	agency_code: string | null;
	from_status: number | null;
	/** The client's request id; unique per dossier (a retry finds it and is answered the same). */
	request_id: string | null;
	/** JSON text of what the action carried (reason, missing papers, amount, result file, new date…). */
	payload: string | null;
	/** The appointment date right after this event. */
	appointment_date: string | null;
}

export interface DossiersTable {
	/** The officer holding the dossier (one at a time), or null. */
	assignee_id: string | null;
	applicant_name: string | null;
	applicant_id_number: string | null;
	/** Folded " code name id-number " for the inbox search. */
	search_text: string | null;
	updated_at: IsoTime | null;
	/** 1 at submission, +1 per resubmission after a supplement request. */
	version: Generated<number>;
}

export interface DossierVersionsTable {
	dossier_id: string;
	version: number;
	manifest: string;
	event_id: string | null;
	created_at: IsoTime;
}

export interface DossierResultsTable {
	dossier_id: string;
	sha256: string;
	name: string;
	size: number;
	type: string;
	event_id: string;
	created_at: IsoTime;
}

/** Development only: demo accounts and their passwords, listed at /dev/accounts. */
export interface DemoAccountsTable {
	account_id: string;
	password: string;
	created_at: IsoTime;
}

// ---- fees, payments, results and ratings (migration 0015); merged into `Database` ----

export type ObligationState = 'pending' | 'paid' | 'cancelled';
export type PaymentStateColumn = 'pending' | 'paid' | 'failed' | 'expired' | 'refunded';

export interface PaymentObligationsTable {
	id: string;
	dossier_id: string;
	amount: number;
	/** JSON text of [{ name, amount }]. */
	items: string;
	state: ObligationState;
	reference: string;
	created_at: IsoTime;
	created_by: string | null;
	paid_payment_id: string | null;
	paid_at: IsoTime | null;
}

export interface PaymentsTable {
	id: string;
	obligation_id: string;
	dossier_id: string;
	method: string;
	amount: number;
	state: PaymentStateColumn;
	txn_ref: string;
	provider_ref: string | null;
	payer_account_id: string | null;
	recorded_by: string | null;
	created_at: IsoTime;
	updated_at: IsoTime;
	paid_at: IsoTime | null;
}

export interface PaymentEventsTable {
	id: string;
	payment_id: string | null;
	obligation_id: string | null;
	kind: string;
	at: IsoTime;
	detail: string | null;
}

export interface BankTransfersTable {
	id: string;
	amount: number;
	description: string;
	received_at: IsoTime;
	matched_obligation_id: string | null;
	matched_by: string | null;
	matched_at: IsoTime | null;
}

export interface ResultDeliveriesTable {
	dossier_id: string;
	method: 'online' | 'counter' | 'post';
	counter_date: string | null;
	counter_bring: string | null;
	post_address: string | null;
	postal_fee: number | null;
	tracking_number: string | null;
	recorded_by: string;
	recorded_at: IsoTime;
	handed_over_at: IsoTime | null;
}

export interface DossierRatingsTable {
	dossier_id: string;
	account_id: string;
	agency_code: string;
	score: number;
	answers: string;
	comment: string | null;
	created_at: IsoTime;
}

export interface Database {
	dossier_versions: DossierVersionsTable;
	dossier_results: DossierResultsTable;
	demo_accounts: DemoAccountsTable;
	payment_obligations: PaymentObligationsTable;
	payments: PaymentsTable;
	payment_events: PaymentEventsTable;
	bank_transfers: BankTransfersTable;
	result_deliveries: ResultDeliveriesTable;
	dossier_ratings: DossierRatingsTable;
}

// ---- notifications, push subscriptions and the integration relay (migration 0013) ----

export type DeliveryState = 'pending' | 'sent' | 'failed';
export type NotificationChannel = 'push' | 'email' | 'sms';

export interface EventFanoutTable {
	event_id: string;
	created_at: IsoTime;
}

export interface PushSubscriptionsTable {
	/** Hex SHA-256 of the endpoint. */
	id: string;
	account_id: string;
	endpoint: string;
	p256dh: string;
	auth: string;
	created_at: IsoTime;
}

/** What every outbox row has: where it stands and when it is tried again. */
export interface DeliveryColumns {
	state: DeliveryState;
	attempts: Generated<number>;
	next_attempt_at: IsoTime;
	last_error: string | null;
	created_at: IsoTime;
	sent_at: IsoTime | null;
}

export interface NotificationOutboxTable extends DeliveryColumns {
	id: string;
	event_id: string;
	dossier_id: string;
	account_id: string;
	channel: NotificationChannel;
	/** Push: the subscription id; e-mail: the address; SMS: the phone number. */
	recipient: string;
	subject: string | null;
	body: string;
	/** Where a click leads (path on this site). */
	url: string;
	/** E-mail: JSON `[{ sha256, name, type, size }]` of files from the blob store to attach (migration 0030), or null. */
	attachments: string | null;
}

export interface IntegrationOutboxTable extends DeliveryColumns {
	event_id: string;
	dossier_id: string;
	/** The JSON body exactly as POSTed (and signed). */
	body: string;
}

export interface Database {
	event_fanout: EventFanoutTable;
	push_subscriptions: PushSubscriptionsTable;
	notification_outbox: NotificationOutboxTable;
	integration_outbox: IntegrationOutboxTable;
}

// ---- papers the state holds for a citizen (migration 0021); merged into `Database` above ----

export interface PapersTable {
	id: string;
	account_id: string;
	/** 'verified' (a file of a dossier an officer accepted) or 'issued' (a result file). */
	origin: 'verified' | 'issued';
	dossier_id: string;
	/** The attachment slot it filled; '' for an issued result. */
	slot: string;
	sha256: string;
	name: string;
	size: number;
	type: string;
	/** A document type of data/documents/catalogue.json. */
	type_id: string;
	/** JSON text of the paper's `DocumentMetadata`. */
	metadata: string;
	/** The accept or finish event that made it. */
	event_id: string;
	created_at: IsoTime;
}

export interface Database {
	papers: PapersTable;
}
