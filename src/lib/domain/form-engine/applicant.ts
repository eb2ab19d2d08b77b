/**
 * The applicant (người nộp/người yêu cầu) of a dossier: the name in the first shown field that
 * holds the person's own name (autofill `fullName`; every form asks it in its first section).
 * Shown on the outbox and printed on the receipt, so a family sharing one phone can tell
 * whose dossier is whose.
 */
import type { FormDefinition } from '../form-definition';
import { visibleFields, type Answers } from './conditions';

export function applicantName(def: FormDefinition, answers: Answers): string | undefined {
	for (const field of visibleFields(def, answers)) {
		if (field.type === 'group' || field.autofill !== 'fullName') continue;
		const value = answers[field.id];
		if (typeof value === 'string' && value.trim()) return value.trim().replace(/\s+/g, ' ');
	}
	return undefined;
}
