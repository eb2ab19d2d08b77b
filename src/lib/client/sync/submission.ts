/**
 * From a complete draft to what the outbox freezes: the attachment list the server expects
 * (every file of every attachment field, slot by slot — see the server's slot check), the
 * applicant's home commune for the agency choice, and how many bytes sending will cost.
 */
import type { FormDefinition } from '$lib/domain/form-definition';
import { unknownAnswerErrors } from '$lib/domain/form-engine/known-answers';
import type { Procedure } from '$lib/domain/procedure';
import { attachmentTypes } from '$lib/domain/wire/primitives';
import { documentMetadataSchema } from '$lib/domain/documents';
import { uuidv7 } from '$lib/domain/uuid';
import { dossierManifestSchema, type DossierManifest, type ManifestAttachment } from '$lib/domain/wire/dossiers';
import { fieldErrors, summarizeFields } from '$lib/domain/wire/errors';
import type { AccountDb } from '../db/account-db';
import { readable, type ManifestInput } from '../db/outbox';
import { OUTBOX_RECORD_VERSION, type OutboxEntry } from '../db/outbox-record';
import type { Draft } from '../db/schema';

export function manifestAttachments(procedure: Procedure, answers: Record<string, unknown>): ManifestAttachment[] {
	const out: ManifestAttachment[] = [];
	for (const field of procedure.form.sections.flatMap((s) => s.fields)) {
		if (field.type !== 'attachment') continue;
		const files = answers[field.id];
		if (!Array.isArray(files)) continue;
		for (const f of files as { sha256: string; name: string; size: number; type: string; document?: unknown }[]) {
			if (!(attachmentTypes as readonly string[]).includes(f.type))
				throw new Error(`Tệp "${f.name}" không phải ảnh JPEG, PNG, WebP hay tệp PDF; hãy bỏ tệp này và đính kèm lại.`);
			const attachment: ManifestAttachment = { slot: field.id, sha256: f.sha256, name: f.name.slice(0, 200) || 'tep-dinh-kem', size: f.size, type: f.type as ManifestAttachment['type'] };
			// A paper picked from the store says what it is (type, number, dates, whose): the
			// server keeps it as the verified paper's metadata once the dossier is accepted.
			const document = documentMetadataSchema.safeParse(f.document);
			if (document.success) attachment.document = document.data;
			out.push(attachment);
		}
	}
	return out;
}

/**
 * The commune where the applicant lives, for the agency choice: the first address of the form,
 * which is the requester's own residence where the form asks for it.
 */
export function homeCommuneOf(answers: Record<string, unknown>): string | undefined {
	for (const v of Object.values(answers))
		if (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { communeCode?: unknown }).communeCode === 'string')
			return (v as { communeCode: string }).communeCode;
	return undefined;
}

/** Distinct files only: the same photo in two slots travels once. */
export function uniqueFiles(attachments: ManifestAttachment[]): ManifestAttachment[] {
	const seen = new Set<string>();
	return attachments.filter((a) => !seen.has(a.sha256) && seen.add(a.sha256));
}

/** Bytes on the wire for the manifest itself (JSON, UTF-8). */
export const manifestBytes = (manifest: unknown) => new TextEncoder().encode(JSON.stringify(manifest)).length;

/**
 * The manifest failed the shared wire schema on the device: the same check the server runs,
 * so the mistake shows on the draft at once instead of one round trip later.
 */
export class InvalidManifest extends Error {
	constructor(readonly fields: Record<string, string>) {
		super(summarizeFields(fields, 'Hồ sơ chưa hợp lệ'));
		this.name = 'InvalidManifest';
	}
}

/** Entries a new send of the same draft replaces: refused, or taken back to edit. */
const REPLACEABLE: readonly OutboxEntry['state'][] = ['needs-attention', 'withdrawn'];

export interface EnqueueResult {
	entry: OutboxEntry;
	/** False when this draft was already in the outbox (second press, second tab). */
	created: boolean;
}

/**
 * Puts a draft into the outbox, or returns the entry already there for it. An entry the
 * server refused (needs-attention) or that the person took back to edit (withdrawn) is
 * replaced: the person fixed the draft and sends a new version under a new dossier id.
 */
export async function enqueueDraft(
	db: AccountDb,
	draft: Pick<Draft, 'id' | 'procedureCode' | 'procedureName' | 'answers' | 'revision'>,
	input: ManifestInput & { applicantName?: string; form?: FormDefinition },
	now: Date = new Date()
): Promise<EnqueueResult> {
	// Checked with the server's own schema before it enters the queue (and before the
	// transaction: IndexedDB transactions must not wait on anything else).
	const manifest: DossierManifest = structuredClone({
		version: 1,
		procedureCode: draft.procedureCode,
		answers: draft.answers as DossierManifest['answers'],
		attachments: input.attachments,
		delivery: input.delivery,
		agencyCode: input.agencyCode,
		submittedAt: now.toISOString()
	});
	const checked = dossierManifestSchema.safeParse(manifest);
	if (!checked.success) throw new InvalidManifest(fieldErrors(checked.error));
	// The server refuses an answer the procedure's form has no field for: so does the device.
	const unknown = input.form ? unknownAnswerErrors(input.form, manifest.answers) : [];
	if (unknown.length) throw new InvalidManifest(Object.fromEntries(unknown.map((e) => [`answers.${e.path}`, e.message])));
	return db.transaction('rw', [db.outbox], async (db) => {
		const existing = readable(await db.outbox.where('draftId').equals(draft.id).toArray());
		const live = existing.find((e) => !REPLACEABLE.includes(e.state));
		if (live) return { entry: live, created: false };
		await db.outbox.bulkDelete(existing.map((e) => e.id));
		// A version taken back to edit (or refused) hands on its uploads: a file the new version
		// still has resumes from the server's offset instead of starting again.
		const earlier = new Map(existing.flatMap((e) => e.progress).filter((p) => p.uploadUrl && !p.done).map((p) => [p.sha256, p]));

		const seen = new Set<string>();
		const entry: OutboxEntry = {
			id: uuidv7(),
			draftId: draft.id,
			procedureCode: draft.procedureCode,
			procedureName: draft.procedureName,
			draftRevision: draft.revision,
			manifest,
			state: 'queued',
			progress: manifest.attachments
				.filter((a) => !seen.has(a.sha256) && seen.add(a.sha256))
				.map((a) => ({ sha256: a.sha256, bytesSent: earlier.get(a.sha256)?.bytesSent ?? 0, uploadUrl: earlier.get(a.sha256)?.uploadUrl, total: a.size, done: false })),
			attempts: 0,
			nextAttemptAt: 0,
			...(input.applicantName ? { applicantName: input.applicantName } : {}),
			createdAt: now.toISOString(),
			updatedAt: now.toISOString(),
			schemaVersion: OUTBOX_RECORD_VERSION
		};
		await db.outbox.add(entry);
		return { entry, created: true };
	});
}

