/** Free text: length and, for names and digit-only codes, the characters allowed. */
import { characterCount, formatCount } from './wording';

export interface TextRules {
	maxLength: number;
	charset?: 'any' | 'name' | 'digits';
}

/** Letters of any script (Vietnamese with its diacritics, ethnic-minority names), spaces, ' and -. */
const NAME_CHAR = /[\p{L}\p{M} '\u2019-]/u;

export function validateText(raw: string, rules: TextRules): string | null {
	const count = characterCount(raw);
	if (count > rules.maxLength)
		return `Tối đa ${formatCount(rules.maxLength)} ký tự (đang có ${formatCount(count)})`;
	const value = raw.trim();
	if (rules.charset === 'name') {
		const bad = [...value].find((ch) => !NAME_CHAR.test(ch));
		if (bad !== undefined)
			return `Chỉ dùng chữ cái, dấu cách, dấu ' hoặc dấu -; hãy bỏ ký tự "${bad}"`;
	}
	if (rules.charset === 'digits' && !/^\d*$/.test(value))
		return 'Chỉ nhập chữ số (0–9), không có chữ cái hay dấu cách';
	return null;
}
