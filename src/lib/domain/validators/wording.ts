/** Small helpers shared by the validators for writing Vietnamese messages. */

/** 10000 → "10.000" (Vietnamese groups thousands with a dot). Locale-independent on purpose. */
export function formatCount(n: number): string {
	return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * "Họ, chữ đệm, tên" → "họ, chữ đệm, tên" for "Vui lòng nhập …"; an acronym at the
 * start is kept ("CCCD của mẹ" stays as is).
 */
export function labelInSentence(label: string): string {
	const first = label.charAt(0);
	const second = label.charAt(1);
	if (second && second === second.toLocaleUpperCase('vi') && second !== second.toLocaleLowerCase('vi'))
		return label;
	return first.toLocaleLowerCase('vi') + label.slice(1);
}

/** Count what a person sees as characters (NFC code points), not UTF-16 units. */
export function characterCount(value: string): number {
	return [...value.normalize('NFC')].length;
}
