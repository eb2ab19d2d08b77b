/** How numbers are written: Vietnamese 1.234,5 (the default, and on every official paper) or English 1,234.5. */
export type NumberStyle = 'vi' | 'en';
const numberLocale = (style: NumberStyle) => (style === 'en' ? 'en-GB' : 'vi-VN');

/** Money in đồng: 8000 → "8.000 đồng" (in English "8,000 đồng"). */
export function formatVnd(amount: number, style: NumberStyle = 'vi'): string {
	return `${amount.toLocaleString(numberLocale(style))} đồng`;
}

/** Bytes for people on a metered plan: 1536 → "1,5 KB". */
/**
 * "nặng X, vượt giới hạn Y" where X and Y never read the same: when rounding would make
 * 10 MiB + 1 byte and 10 MiB both "10 MB", both are given in bytes.
 */
export function formatSizeOverLimit(size: number, limit: number): { size: string; limit: string } {
	const [a, b] = [formatBytes(size), formatBytes(limit)];
	if (a !== b) return { size: a, limit: b };
	const exact = (n: number) => `${n.toLocaleString('vi-VN')} byte`;
	return { size: exact(size), limit: exact(limit) };
}

export function formatBytes(bytes: number, style: NumberStyle = 'vi'): string {
	if (bytes < 1024) return `${bytes} ${style === 'en' ? 'bytes' : 'byte'}`;
	const units = ['KB', 'MB', 'GB'];
	let v = bytes / 1024;
	let i = 0;
	while (v >= 1024 && i < units.length - 1) {
		v /= 1024;
		i++;
	}
	return `${v.toLocaleString(numberLocale(style), { maximumFractionDigits: 1 })} ${units[i]}`;
}
