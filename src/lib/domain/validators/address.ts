/**
 * An address answer: current province + commune codes (two tiers since 01/07/2025),
 * optional street/house/village, optionally the old three-tier address it came from.
 * The shape is units.ts's; whether the codes exist is checked against the loaded
 * unit list when the caller passes it (the list is lazy-loaded in the browser).
 */
import { addressAnswerSchema, checkAddress, type AddressAnswer, type CurrentUnits } from '../units';

export { addressAnswerSchema, type AddressAnswer };

/** Either the loaded units or any function with checkAddress's contract. */
export type AddressCheck = CurrentUnits | ((answer: AddressAnswer) => string | null);

export interface AddressRules {
	withStreet: boolean;
	required: boolean;
	label: string;
	units?: AddressCheck;
}

export function isEmptyAddress(value: unknown): boolean {
	if (value === null || value === undefined) return true;
	if (typeof value !== 'object') return false;
	const v = value as Record<string, unknown>;
	return !v.provinceCode && !v.communeCode && !(typeof v.street === 'string' && v.street.trim());
}

export function validateAddress(value: unknown, rules: AddressRules): string | null {
	const parsed = addressAnswerSchema.safeParse(value);
	if (!parsed.success) return parsed.error.issues[0].message;
	const answer = parsed.data;
	if (rules.withStreet && rules.required && !answer.street)
		return `Vui lòng nhập số nhà, tên đường hoặc thôn, tổ dân phố của ${rules.label.toLocaleLowerCase('vi')}`;
	if (!rules.units) return null;
	return typeof rules.units === 'function' ? rules.units(answer) : checkAddress(rules.units, answer);
}
