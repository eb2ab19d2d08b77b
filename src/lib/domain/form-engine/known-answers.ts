/**
 * A dossier carries answers to its procedure's fields only (issue 12, defect 6): the server
 * refused nothing and stored 50,000 made-up field ids. The device sends only the form's
 * fields (`formAnswers`); the check it and the server share (`validateAnswers`) refuses any
 * other id, at the top level and inside a group's items.
 */
import type { FormDefinition } from '../form-definition';
import type { Answers } from './conditions';
import type { FormError } from './validate';

const isRecord = (v: unknown): v is Answers => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Field ids the form stores answers under, with the sub-field ids of each group. */
function answerIds(def: FormDefinition): Map<string, Set<string> | null> {
	const ids = new Map<string, Set<string> | null>();
	for (const section of def.sections)
		for (const field of section.fields) ids.set(field.id, field.type === 'group' ? new Set(field.fields.map((f) => f.id)) : null);
	return ids;
}

const unknown = (segments: (string | number)[]): FormError => {
	const fieldId = String(segments[segments.length - 1]);
	return { path: segments.join('.'), segments, fieldId, label: fieldId, message: `Tờ khai của thủ tục này không có mục "${fieldId}"` };
};

/** One error per answer the form has no field for. */
export function unknownAnswerErrors(def: FormDefinition, answers: Answers): FormError[] {
	const ids = answerIds(def);
	const errors: FormError[] = [];
	for (const [id, value] of Object.entries(answers)) {
		if (!ids.has(id)) {
			errors.push(unknown([id]));
			continue;
		}
		const subIds = ids.get(id);
		if (!subIds || !Array.isArray(value)) continue;
		value.forEach((item, index) => {
			if (isRecord(item)) for (const sub of Object.keys(item)) if (!subIds.has(sub)) errors.push(unknown([id, index, sub]));
		});
	}
	return errors;
}

/** The answers without those the form has no field for (a draft may keep a removed field's answer). */
export function formAnswers(def: FormDefinition, answers: Answers): Answers {
	const ids = answerIds(def);
	const kept: Answers = {};
	for (const [id, value] of Object.entries(answers)) {
		if (!ids.has(id)) continue;
		const subIds = ids.get(id);
		kept[id] =
			subIds && Array.isArray(value)
				? value.map((item) => (isRecord(item) ? Object.fromEntries(Object.entries(item).filter(([sub]) => subIds.has(sub))) : item))
				: value;
	}
	return kept;
}
