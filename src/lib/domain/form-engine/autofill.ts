/**
 * Starting answers and pre-filling from the person's saved profile (with their consent).
 * Pre-filling never overwrites what the person typed, and reports which fields it filled
 * so the page can mark them ("lấy từ hồ sơ của bạn").
 */
import type { AutofillKey, FormDefinition, ScalarField } from '../form-definition';
import { addressAnswerSchema, formatDate, isEmptyAnswer, parseDate, vietnamToday } from '../validators';
import { visibleFields, type Answers } from './conditions';

function emptyValue(field: ScalarField): unknown {
	switch (field.type) {
		case 'checkbox':
			return false;
		case 'checkboxes':
		case 'attachment':
			return [];
		case 'address':
			return null;
		default:
			return '';
	}
}

/** A blank draft: every stored field present with its empty value; groups start with `min` items. */
export function emptyAnswers(def: FormDefinition): Answers {
	const answers: Answers = {};
	for (const section of def.sections)
		for (const field of section.fields) {
			if (field.type === 'derived') continue;
			if (field.type === 'group') {
				const item = () =>
					Object.fromEntries(field.fields.filter((f) => f.type !== 'derived').map((f) => [f.id, emptyValue(f)]));
				answers[field.id] = Array.from({ length: field.min }, item);
			} else answers[field.id] = emptyValue(field);
		}
	return answers;
}

/** The profile value in the shape this field stores, or undefined when it does not fit. */
function fitTo(field: ScalarField, value: unknown): unknown {
	switch (field.type) {
		case 'text':
		case 'textarea':
		case 'id-number':
		case 'phone':
		case 'email':
		case 'tax-code':
			return typeof value === 'string' && value.trim() ? value : undefined;
		case 'date': {
			const date =
				value instanceof Date ? vietnamToday(value) : typeof value === 'string' ? parseDate(value) : null;
			if (!date) return undefined;
			return field.yearOnly ? String(date.year) : formatDate(date);
		}
		case 'select':
		case 'radio':
			return field.options.some((o) => o.value === value) ? value : undefined;
		case 'checkbox':
			return value === true ? true : undefined;
		case 'address': {
			const parsed = addressAnswerSchema.safeParse(value);
			// A copy, so editing the draft never edits the profile.
			return parsed.success ? structuredClone(value) : undefined;
		}
		default:
			return undefined;
	}
}

/**
 * Where a key has no saved value, the value that stands in for it. An account knows the
 * permanent address (thường trú, given at registration); most forms ask "Nơi cư trú", where
 * the person lives now, which for most people is that same address. It is offered, marked
 * as pre-filled, for the person to check.
 */
const standIns: Partial<Record<AutofillKey, AutofillKey>> = { currentAddress: 'permanentAddress' };

function profileValue(profile: Partial<Record<AutofillKey, unknown>>, key: AutofillKey): unknown {
	const own = profile[key];
	if (!isEmptyAnswer(own)) return own;
	const standIn = standIns[key];
	return standIn ? profile[standIn] : undefined;
}

export function applyAutofill(
	def: FormDefinition,
	profile: Partial<Record<AutofillKey, unknown>>,
	answers: Answers
): { answers: Answers; filled: string[] } {
	const next: Answers = { ...answers };
	const filled: string[] = [];
	for (const field of visibleFields(def, answers)) {
		if (field.type === 'group' || !field.autofill || !isEmptyAnswer(answers[field.id])) continue;
		const value = fitTo(field, profileValue(profile, field.autofill));
		if (value === undefined) continue;
		next[field.id] = value;
		filled.push(field.id);
	}
	return { answers: next, filled };
}
