/**
 * An answer as a person reads it: on "check your answers" and in the filled PDF.
 */
import type { Field } from '$lib/domain/form-definition';
import { formatAddress, checkAddress, type CurrentUnits, type AddressAnswer } from '$lib/domain/units';
import { formatBytes } from '$lib/domain/format';

export function formatAnswer(field: Field, value: unknown, units?: CurrentUnits): string {
	if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return '';
	switch (field.type) {
		case 'select':
		case 'radio':
			return field.options.find((o) => o.value === value)?.label ?? String(value);
		case 'checkboxes':
			return (value as string[]).map((v) => field.options.find((o) => o.value === v)?.label ?? v).join('; ');
		case 'checkbox':
			return value === true ? 'Có' : 'Không';
		case 'address': {
			const a = value as AddressAnswer;
			if (units && a.provinceCode && a.communeCode && !checkAddress(units, a)) return formatAddress(units, a);
			return a.street ?? '';
		}
		case 'attachment':
			return (value as { name: string; size: number }[]).map((f) => `${f.name} (${formatBytes(f.size)})`).join('; ');
		case 'group':
			return `${(value as unknown[]).length} ${field.itemLabel.toLowerCase()}`;
		default:
			return String(value);
	}
}
