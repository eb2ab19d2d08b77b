/**
 * Conditional sections and fields. A condition is read against the answers of fields that
 * are themselves visible: an answer left behind in a field that is now hidden (the person
 * changed their mind) never keeps a dependent field on screen or in validation.
 */
import type { Condition, Field, FormDefinition, GroupField, ScalarField, Section } from '../form-definition';
import { isEmptyAnswer } from '../validators/required';

export type Answers = Record<string, unknown>;

function matchesOne(value: unknown, expected: string | number | boolean): boolean {
	if (Array.isArray(value)) return value.some((v) => matchesOne(v, expected));
	if (typeof expected === 'boolean') return value === expected;
	if (typeof value === 'string' || typeof value === 'number') return String(value) === String(expected);
	return false;
}

/**
 * equals/in compare as text (a number field stores "3", a condition may say 3); on a
 * checkboxes answer they hold when any ticked option matches.
 */
export function evaluateCondition(cond: Condition, answers: Answers): boolean {
	if ('all' in cond) return cond.all.every((c) => evaluateCondition(c, answers));
	if ('any' in cond) return cond.any.some((c) => evaluateCondition(c, answers));
	if ('not' in cond) return !evaluateCondition(cond.not, answers);
	const value = answers[cond.field];
	if ('equals' in cond) return matchesOne(value, cond.equals);
	if ('in' in cond) return cond.in.some((expected) => matchesOne(value, expected));
	return cond.filled !== isEmptyAnswer(value);
}

const holds = (when: Condition | undefined, answers: Answers) => !when || evaluateCondition(when, answers);

interface Visibility {
	sections: Set<string>;
	fields: Set<string>;
}

function computeVisibility(def: FormDefinition, answers: Answers): Visibility {
	const allIds = new Set(def.sections.flatMap((s) => s.fields.map((f) => f.id)));
	let effective = answers;
	let previous = '';
	let result: Visibility = { sections: new Set(), fields: new Set() };
	// Hiding a field can hide the fields that depend on it, and so on: repeat until
	// stable. Chains are short; the bound only guards against a contradictory definition.
	for (let round = 0; round <= allIds.size; round++) {
		result = { sections: new Set(), fields: new Set() };
		for (const section of def.sections) {
			if (!holds(section.when, effective)) continue;
			result.sections.add(section.id);
			for (const field of section.fields) if (holds(field.when, effective)) result.fields.add(field.id);
		}
		const key = [...result.sections, '|', ...result.fields].join(',');
		if (key === previous) break;
		previous = key;
		effective = Object.fromEntries(
			Object.entries(answers).filter(([id]) => result.fields.has(id) || !allIds.has(id))
		);
	}
	return result;
}

/**
 * Sections that are shown: their own condition holds and at least one of their fields is
 * visible. A step whose every field is hidden ("Giấy tờ kèm theo" of 1.004873 when there is
 * no divorce to prove) is skipped rather than shown empty.
 */
export function visibleSections(def: FormDefinition, answers: Answers): Section[] {
	const { sections, fields } = computeVisibility(def, answers);
	return def.sections.filter((s) => sections.has(s.id) && (s.fields.length === 0 || s.fields.some((f) => fields.has(f.id))));
}

/** Top-level fields that are shown, in form order; a hidden section hides all its fields. */
export function visibleFields(def: FormDefinition, answers: Answers): Field[] {
	const { fields } = computeVisibility(def, answers);
	return def.sections.flatMap((s) => s.fields.filter((f) => fields.has(f.id)));
}

/**
 * Sub-fields of one group item that are shown. Their conditions may name a sibling in
 * the same item or any top-level field (the sibling wins on a name clash).
 */
export function visibleItemFields(group: GroupField, item: Answers, answers: Answers): ScalarField[] {
	const scope = { ...answers, ...item };
	return group.fields.filter((f) => holds(f.when, scope));
}
