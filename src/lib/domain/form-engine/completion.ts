/** How far along a form is, for the progress bar and the drafts list. */
import type { FormDefinition } from '../form-definition';
import { visibleFields, type Answers } from './conditions';
import { collectErrors } from './validate';
import type { EngineOptions } from './validate-field';

/**
 * Percent (0–100, rounded down so 100 means really done) of the visible required fields
 * that are filled and valid. A required group counts as one field: done when it has its
 * items and none of them has an error. A form with nothing required is 100.
 */
export function completion(def: FormDefinition, answers: Answers, opts: EngineOptions = {}): number {
	const required = visibleFields(def, answers).filter((f) => f.required && f.type !== 'derived');
	if (required.length === 0) return 100;
	const failing = new Set(collectErrors(def, answers, opts).map((e) => e.segments[0]));
	const done = required.filter((f) => !failing.has(f.id)).length;
	return Math.floor((done * 100) / required.length);
}
