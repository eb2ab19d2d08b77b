/**
 * Answering a supplement request ("bổ sung hồ sơ"): the dossier as it was sent, with the
 * papers the citizen adds now put into the form's attachment slots, frozen at the moment the
 * person presses "Gửi bổ sung". The server checks it like a first submission (same procedure
 * and agency, answers valid, every file held) and records it as a new version.
 */
import type { DossierManifest, ManifestAttachment } from './wire/dossiers';

export type AddedPaper = Pick<ManifestAttachment, 'slot' | 'sha256' | 'name' | 'size' | 'type'>;

export function supplementManifest(sent: DossierManifest, added: readonly AddedPaper[], submittedAt: string): DossierManifest {
	const answers: DossierManifest['answers'] = { ...sent.answers };
	const attachments = [...sent.attachments];
	for (const paper of added) {
		const file = { sha256: paper.sha256, name: paper.name, size: paper.size, type: paper.type };
		const current = Array.isArray(answers[paper.slot]) ? (answers[paper.slot] as typeof file[]) : [];
		if (current.some((f) => f.sha256 === paper.sha256)) continue;
		answers[paper.slot] = [...current, file];
		attachments.push({ slot: paper.slot, ...file });
	}
	return { ...sent, answers, attachments, submittedAt };
}
