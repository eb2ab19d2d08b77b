/** Money in đồng, Vietnamese style: 8000 → "8.000 đồng". */
export function formatVnd(amount: number): string {
	return `${amount.toLocaleString('vi-VN')} đồng`;
}

/** Bytes for people on a metered plan: 1536 → "1,5 KB". */
export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} byte`;
	const units = ['KB', 'MB', 'GB'];
	let v = bytes / 1024;
	let i = 0;
	while (v >= 1024 && i < units.length - 1) {
		v /= 1024;
		i++;
	}
	return `${v.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} ${units[i]}`;
}
