/**
 * Numbers as typed. In Vietnamese "1.000" means one thousand and "1,5" one and a half,
 * so the separators are ambiguous: integer fields take plain digits only and say so.
 */
export interface NumberRules {
	min?: number;
	max?: number;
	integer?: boolean;
	unit?: string;
}

const withUnit = (n: number, unit?: string) =>
	`${String(n).replace('.', ',')}${unit ? ` ${unit}` : ''}`;

/** The numeric value of an accepted input (decimal comma or dot), or null. */
export function parseNumber(raw: string, integer = true): number | null {
	const s = raw.trim();
	if (integer) return /^-?\d+$/.test(s) ? Number(s) : null;
	return /^-?\d+([.,]\d+)?$/.test(s) ? Number(s.replace(',', '.')) : null;
}

export function validateNumber(raw: string, rules: NumberRules = {}): string | null {
	const s = raw.trim();
	const integer = rules.integer ?? true;
	const value = parseNumber(s, integer);
	if (value === null) {
		if (integer && /^\d{1,3}(\.\d{3})+$/.test(s))
			return `Chỉ nhập chữ số, không dùng dấu chấm ngăn cách hàng nghìn (ví dụ ${s.replace(/\./g, '')})`;
		if (integer && /^-?\d+[.,]\d+$/.test(s)) return 'Hãy nhập số nguyên, không có phần thập phân';
		return integer ? 'Chỉ nhập chữ số, ví dụ 2' : 'Hãy nhập một số, ví dụ 2 hoặc 1,5';
	}
	if (rules.min !== undefined && value < rules.min)
		return `Nhỏ nhất là ${withUnit(rules.min, rules.unit)}`;
	if (rules.max !== undefined && value > rules.max)
		return `Lớn nhất là ${withUnit(rules.max, rules.unit)}`;
	return null;
}
