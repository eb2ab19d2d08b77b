import type { Kysely } from 'kysely';
import { normalizeIdentifier, type PermanentAddress } from '$lib/domain/account';
import type { AccountRow, Database } from '../db/types';

/** What pages and other services see of an account (never the password hash). */
export interface AccountView {
	id: string;
	role: AccountRow['role'];
	agencyCode: string | null;
	fullName: string;
	idNumber: string;
	pendingIdNumber: string | null;
	dateOfBirth: string | null;
	sex: AccountRow['sex'];
	phone: string;
	email: string | null;
	permanentAddress: PermanentAddress | null;
	status: AccountRow['status'];
	createdAt: string;
}

export function toAccountView(row: AccountRow): AccountView {
	return {
		id: row.id,
		role: row.role,
		agencyCode: row.agency_code,
		fullName: row.full_name,
		idNumber: row.id_number,
		pendingIdNumber: row.pending_id_number,
		dateOfBirth: row.date_of_birth,
		sex: row.sex,
		phone: row.phone,
		email: row.email,
		permanentAddress: row.permanent_address ? JSON.parse(row.permanent_address) : null,
		status: row.status,
		createdAt: row.created_at
	};
}

export async function findAccountById(db: Kysely<Database>, id: string): Promise<AccountRow | undefined> {
	return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** By 12-digit ID number or phone number (any usual spelling). */
export async function findAccountByIdentifier(
	db: Kysely<Database>,
	identifier: string
): Promise<AccountRow | undefined> {
	const parsed = normalizeIdentifier(identifier);
	if (!parsed) return undefined;
	const column = parsed.kind === 'idNumber' ? 'id_number' : 'phone';
	return db.selectFrom('accounts').selectAll().where(column, '=', parsed.value).executeTakeFirst();
}

/** "0912345678" → "091****678", "an@example.vn" → "a***@example.vn": where a code went, without disclosing it. */
export function maskRecipient(recipient: string): string {
	const at = recipient.indexOf('@');
	if (at > 0) return `${recipient[0]}***${recipient.slice(at)}`;
	return recipient.length > 6 ? `${recipient.slice(0, 3)}****${recipient.slice(-3)}` : '******';
}

/** True when a database error is a unique-constraint violation (either dialect). */
export function isUniqueViolation(error: unknown): boolean {
	const e = error as { code?: string; message?: string };
	return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(e?.message ?? '');
}
