/** Whether an answer counts as given, and what to say when a required one is not. */
import type { Field } from '../form-definition';
import { isEmptyAddress } from './address';
import { labelInSentence } from './wording';

/**
 * Blank text, no ticked option, an unticked box, no file, no group item, or an address
 * with nothing picked. Independent of the field's kind, so conditions ("filled") and
 * required checks agree.
 */
export function isEmptyAnswer(value: unknown): boolean {
	if (value === undefined || value === null) return true;
	if (typeof value === 'string') return value.trim() === '';
	if (Array.isArray(value)) return value.length === 0;
	if (typeof value === 'boolean') return value === false;
	if (typeof value === 'object') return isEmptyAddress(value);
	return false;
}

/** The verb follows what the person does: nhập (type), chọn (pick), đánh dấu (tick), đính kèm (attach). */
export function requiredMessage(field: Field): string {
	const label = labelInSentence(field.label);
	switch (field.type) {
		case 'select':
		case 'radio':
		case 'checkboxes':
		case 'address':
			return `Vui lòng chọn ${label}`;
		case 'checkbox':
			return `Vui lòng đánh dấu ô "${field.label}"`;
		case 'attachment':
			return `Vui lòng đính kèm ${label}`;
		case 'group':
			return `Vui lòng thêm ít nhất một ${labelInSentence(field.itemLabel)}`;
		default:
			return `Vui lòng nhập ${label}`;
	}
}
