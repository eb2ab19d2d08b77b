/** Free text: length and, for names and digit-only codes, the characters allowed. */
import { hiddenCharacterMessage, nameCharacterMessage, normalizeName } from './name';
import { characterCount, formatCount } from './wording';

export interface TextRules {
	maxLength: number;
	charset?: 'any' | 'name' | 'digits';
}

/** `multiline` (textarea) allows line breaks and tabs; nothing allows NUL, controls or bidi overrides. */
export function validateText(raw: string, rules: TextRules, multiline = false): string | null {
	const count = characterCount(raw);
	if (count > rules.maxLength)
		return `Tối đa ${formatCount(rules.maxLength)} ký tự (đang có ${formatCount(count)})`;
	if (rules.charset === 'name') return nameCharacterMessage(normalizeName(raw));
	const hidden = hiddenCharacterMessage(raw, multiline);
	if (hidden) return hidden;
	const value = raw.trim();
	if (rules.charset === 'digits' && !/^\d*$/.test(value))
		return 'Chỉ nhập chữ số (0–9), không có chữ cái hay dấu cách';
	return null;
}
