/** Read-only values computed from other answers (never stored in the draft). */
import { dateInWords } from '../date-words';
import type { FormDefinition, ScalarField } from '../form-definition';
import { validateDate } from '../validators';
import { visibleFields, visibleItemFields, type Answers } from './conditions';

function derive(field: Extract<ScalarField, { type: 'derived' }>, scope: Answers): string {
	const source = scope[field.from];
	if (typeof source !== 'string') return '';
	switch (field.derive) {
		case 'date-in-words': {
			// Words only for a real date in the accepted years, so nothing false gets printed;
			// past/future rules are the source field's business.
			const yearOnly = /^\s*\d{4}\s*$/.test(source);
			return validateDate(source, { yearOnly }) === null ? dateInWords(source) : '';
		}
	}
}

/**
 * Values of visible derived fields keyed by path: "dateOfBirthInWords", and for a derived
 * field inside a group "children.0.dateOfBirthInWords". Blank when the source is not
 * (yet) a real date.
 */
export function derivedValues(def: FormDefinition, answers: Answers): Record<string, string> {
	const out: Record<string, string> = {};
	for (const field of visibleFields(def, answers)) {
		if (field.type === 'derived') out[field.id] = derive(field, answers);
		if (field.type !== 'group') continue;
		const value = answers[field.id];
		const items = Array.isArray(value) ? value.filter((v): v is Answers => typeof v === 'object' && v !== null) : [];
		items.forEach((item, i) => {
			for (const sub of visibleItemFields(field, item, answers))
				if (sub.type === 'derived') out[`${field.id}.${i}.${sub.id}`] = derive(sub, { ...answers, ...item });
		});
	}
	return out;
}
