/**
 * From a complete draft to what the outbox freezes: the attachment list the server expects
 * (every file of every attachment field, slot by slot — see the server's slot check), the
 * receiving agencies for the procedure, and how many bytes sending will cost.
 */
import agencyFile from '$data/agencies.json';
import { attachmentTypes, type DossierManifest } from '$lib/domain/dossier';
import type { Agency } from '$lib/domain/agency';
import type { Procedure } from '$lib/domain/procedure';

type ManifestAttachment = DossierManifest['attachments'][number];

export function manifestAttachments(procedure: Procedure, answers: Record<string, unknown>): ManifestAttachment[] {
	const out: ManifestAttachment[] = [];
	for (const field of procedure.form.sections.flatMap((s) => s.fields)) {
		if (field.type !== 'attachment') continue;
		const files = answers[field.id];
		if (!Array.isArray(files)) continue;
		for (const f of files as { sha256: string; name: string; size: number; type: string }[]) {
			if (!(attachmentTypes as readonly string[]).includes(f.type))
				throw new Error(`Tệp "${f.name}" không phải ảnh JPEG, PNG, WebP hay tệp PDF; hãy bỏ tệp này và đính kèm lại.`);
			out.push({ slot: field.id, sha256: f.sha256, name: f.name.slice(0, 200) || 'tep-dinh-kem', size: f.size, type: f.type as ManifestAttachment['type'] });
		}
	}
	return out;
}

/** Agencies that receive this procedure; the one in the person's province first. */
export function agenciesFor(procedure: Procedure, provinceCode?: string): Agency[] {
	const all = (agencyFile.agencies as Agency[]).filter((a) => a.kind === procedure.agency.id);
	return [...all.filter((a) => a.provinceCode === provinceCode), ...all.filter((a) => a.provinceCode !== provinceCode)];
}

/** The province of the first address in the answers (usually the requester's own). */
export function provinceOfAnswers(answers: Record<string, unknown>): string | undefined {
	for (const v of Object.values(answers))
		if (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { provinceCode?: unknown }).provinceCode === 'string')
			return (v as { provinceCode: string }).provinceCode;
	return undefined;
}

/** Distinct files only: the same photo in two slots travels once. */
export function uniqueFiles(attachments: ManifestAttachment[]): ManifestAttachment[] {
	const seen = new Set<string>();
	return attachments.filter((a) => !seen.has(a.sha256) && seen.add(a.sha256));
}

/** Bytes on the wire for the manifest itself (JSON, UTF-8). */
export const manifestBytes = (manifest: unknown) => new TextEncoder().encode(JSON.stringify(manifest)).length;
