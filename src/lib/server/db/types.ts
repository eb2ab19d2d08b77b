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

export interface AgenciesTable {
	code: string;
	name: string;
	/** e.g. 'commune', 'province', 'ministry'. */
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
}

export type AccountRow = Selectable<AccountsTable>;
export type NewAccount = Insertable<AccountsTable>;
export type AccountUpdate = Updateable<AccountsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type OneTimeCodeRow = Selectable<OneTimeCodesTable>;
export type OutboundMessageRow = Selectable<OutboundMessagesTable>;
export type AgencyRow = Selectable<AgenciesTable>;
