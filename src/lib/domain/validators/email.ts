/**
 * A practical e-mail check: what a person can mistype (no @, spaces, a missing
 * domain ending). The address is proven only by the code sent to it.
 * Lengths from RFC 5321 (path ≤ 256 incl. brackets → 254; local part ≤ 64).
 */
export function validateEmail(raw: string): string | null {
	const value = raw.trim();
	if (value.length > 254) return `Địa chỉ e-mail dài tối đa 254 ký tự (đang có ${value.length})`;
	if (/\s/.test(value)) return 'Địa chỉ e-mail không được có dấu cách';
	const at = value.lastIndexOf('@');
	if (at < 0) return 'Địa chỉ e-mail thiếu dấu @, ví dụ ten@gmail.com';
	const local = value.slice(0, at);
	const domain = value.slice(at + 1);
	if (!local || local.length > 64 || local.includes('@'))
		return 'Phần trước dấu @ của e-mail không hợp lệ, ví dụ ten@gmail.com';
	if (!domain) return 'Địa chỉ e-mail thiếu tên miền sau dấu @, ví dụ ten@gmail.com';
	if (!/^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.[\p{L}]{2,}$/u.test(domain))
		return `Tên miền "${domain}" sau dấu @ không hợp lệ, ví dụ gmail.com`;
	return null;
}
