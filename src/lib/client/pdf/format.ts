/**
 * Default text for an answer printed on a filled declaration. Callers that know more
 * (addresses need the administrative-units data) pass their own `formatValue` first.
 */
import type { Field } from '$lib/domain/form-definition';
import { formatDate } from '$lib/domain/time';

/** True for answers that leave the line blank: nothing, empty text, an empty list. */
export function isEmptyAnswer(value: unknown): boolean {
	if (value === undefined || value === null) return true;
	if (typeof value === 'string') return value.trim() === '';
	if (Array.isArray(value)) return value.length === 0;
	return false;
}

function plain(value: unknown): string {
	if (typeof value === 'boolean') return value ? 'Có' : 'Không';
	if (Array.isArray(value)) return value.map(plain).filter(Boolean).join(', ');
	if (value && typeof value === 'object') {
		const named = value as { name?: unknown; label?: unknown };
		if (typeof named.name === 'string') return named.name;
		if (typeof named.label === 'string') return named.label;
		return Object.values(value).map(plain).filter(Boolean).join(', ');
	}
	return value === undefined || value === null ? '' : String(value).trim();
}

/** Address parts in the order they are written on a form: house/street, ward, province. */
const addressOrder = ['street', 'houseNumber', 'ward', 'wardName', 'commune', 'province', 'provinceName'];

function formatAddress(value: unknown): string {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return plain(value);
	const record = value as Record<string, unknown>;
	const known = addressOrder.filter((k) => k in record);
	const keys = known.length ? known : Object.keys(record);
	return keys.map((k) => plain(record[k])).filter(Boolean).join(', ');
}

/** The printed text of one answer; '' means "leave the line blank". */
export function defaultFormatValue(field: Field, value: unknown): string {
	if (isEmptyAnswer(value)) return '';
	switch (field.type) {
		case 'select':
		case 'radio':
			return field.options.find((o) => o.value === String(value))?.label ?? plain(value);
		case 'checkboxes': {
			const values = Array.isArray(value) ? value : [value];
			return values.map((v) => field.options.find((o) => o.value === String(v))?.label ?? plain(v)).join(', ');
		}
		case 'date':
			return formatDate(value, field.yearOnly);
		case 'number': {
			// Vietnamese writes the decimal separator as a comma: 2,5.
			const n = typeof value === 'number' ? String(value).replace('.', ',') : plain(value);
			return field.unit ? `${n} ${field.unit}` : n;
		}
		case 'address':
			return formatAddress(value);
		case 'attachment': {
			if (typeof value === 'number') return `${value} tệp`;
			return plain(value);
		}
		default:
			return plain(value);
	}
}
