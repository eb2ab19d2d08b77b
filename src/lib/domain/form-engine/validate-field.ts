/** One answer against its field definition: required, shape, then the kind's own rules. */
import type { ScalarField } from '../form-definition';
import {
	isEmptyAnswer,
	parseDate,
	requiredMessage,
	validateAddress,
	validateAttachments,
	validateChoice,
	validateChoices,
	validateDate,
	validateEmail,
	validateIdNumber,
	validateNumber,
	validatePhone,
	validateTaxCode,
	validateText,
	vietnamToday,
	type AddressCheck,
	type Sex
} from '../validators';
import type { Answers } from './conditions';

export interface EngineOptions {
	/** "Today" for past/future dates and ID-number birth years; default now, Vietnam time. */
	today?: Date;
	/** The loaded administrative units, or checkAddress bound to them; without it only the shape is checked. */
	units?: AddressCheck;
}

const wrongShape = (label: string) =>
	`Câu trả lời cho "${label}" không đúng dạng; hãy nhập lại`;

/** Year of birth from a date answer ("dd/mm/yyyy" or a year-only "yyyy"), when it is readable. */
function yearOf(value: unknown): number | undefined {
	if (typeof value !== 'string') return undefined;
	const s = value.trim();
	if (/^\d{4}$/.test(s)) return Number(s);
	return parseDate(s)?.year;
}

function sexOf(value: unknown): Sex | undefined {
	return value === 'nam' || value === 'nu' ? value : undefined;
}

/**
 * `scope` holds the answers other fields are looked up in: the whole form, overlaid with
 * the group item for a field inside a group (cross-checks name a sibling first).
 */
export function validateField(field: ScalarField, value: unknown, scope: Answers, opts: EngineOptions = {}): string | null {
	if (field.type === 'derived') return null;
	if (isEmptyAnswer(value)) return field.required ? requiredMessage(field) : null;

	switch (field.type) {
		case 'checkbox':
			return typeof value === 'boolean' ? null : wrongShape(field.label);
		case 'checkboxes':
			return Array.isArray(value) && value.every((v) => typeof v === 'string')
				? validateChoices(value, field.options)
				: wrongShape(field.label);
		case 'address':
			return validateAddress(value, {
				withStreet: field.withStreet,
				required: field.required,
				label: field.label,
				units: opts.units
			});
		case 'attachment':
			return validateAttachments(value, field);
	}

	if (typeof value !== 'string') return wrongShape(field.label);
	switch (field.type) {
		case 'text':
			return validateText(value, field);
		case 'textarea':
			return validateText(value, { maxLength: field.maxLength }, true);
		case 'number':
			return validateNumber(value, field);
		case 'date':
			return validateDate(value, { range: field.range, yearOnly: field.yearOnly, today: opts.today });
		case 'select':
		case 'radio':
			return validateChoice(value, field.options);
		case 'id-number':
			return validateIdNumber(value, {
				birthYear: field.dateOfBirthField ? yearOf(scope[field.dateOfBirthField]) : undefined,
				sex: field.sexField ? sexOf(scope[field.sexField]) : undefined,
				currentYear: vietnamToday(opts.today).year
			});
		case 'phone':
			return validatePhone(value);
		case 'email':
			return validateEmail(value);
		case 'tax-code':
			return validateTaxCode(value);
	}
}
