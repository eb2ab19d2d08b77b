/**
 * A refusal of a submission: HTTP status, a stable code the sync engine branches on, a
 * Vietnamese message a person can act on, and the fields at fault (form field paths, or
 * manifest paths such as "attachments.0.sha256").
 */
export class DossierError extends Error {
	constructor(
		readonly status: number,
		readonly code: DossierErrorCode,
		message: string,
		readonly fields?: Record<string, string>,
		/** More machine-readable detail beside the fields, e.g. `{ missing: [sha256…] }`. */
		readonly extra?: Record<string, unknown>
	) {
		super(message);
		this.name = 'DossierError';
	}

	toJSON() {
		return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}), ...this.extra } };
	}
}

export type DossierErrorCode =
	| 'unauthenticated'
	| 'invalid_id'
	| 'invalid_manifest'
	| 'unknown_procedure'
	| 'unknown_agency'
	| 'invalid_delivery'
	| 'invalid_answers'
	| 'missing_blobs'
	| 'dossier_too_large'
	| 'dossier_id_taken'
	| 'dossier_conflict'
	| 'sequence_exhausted'
	| 'not_found'
	| 'invalid_received_at'
	| 'invalid_request';

export const UNAUTHENTICATED_MESSAGE =
	'Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại; hồ sơ của bạn vẫn được giữ trên máy.';

export const unauthenticated = () => new DossierError(401, 'unauthenticated', UNAUTHENTICATED_MESSAGE);

/** "Có 3 thông tin cần sửa" or the single message itself. */
export function summarize(fields: Record<string, string>, what: string): string {
	const messages = Object.values(fields);
	return messages.length === 1 ? messages[0] : `${what}: có ${messages.length} chỗ cần sửa`;
}
