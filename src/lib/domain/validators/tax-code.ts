/**
 * Mã số thuế (MST).
 * - 10 digits: enterprises and (until 30/06/2025) individuals. The 10th digit is a check
 *   digit over the first nine: weights 31,29,23,19,17,13,7,5,3, check = 10 − (sum mod 11);
 *   when that is 10 no number is issued (checked against the open-source stdnum MST
 *   validators, which follow the General Department of Taxation's scheme).
 * - 13 characters "NNNNNNNNNN-NNN": a branch / dependent unit; the first ten are the
 *   parent's MST and must be valid (dash optional when typed).
 * - 12 digits: from 01/07/2025 the số định danh cá nhân is the individual's and household
 *   business's MST (Thông tư 86/2024/TT-BTC, Điều 5).
 */
import { validateIdNumber } from './id-number';

const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

/** The check digit for the first nine digits, or null when no valid MST starts with them. */
export function taxCodeCheckDigit(first9: string): number | null {
	const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(first9[i]), 0);
	const check = 10 - (sum % 11);
	return check === 10 ? null : check;
}

function validateTen(ten: string): string | null {
	if (ten.slice(2, 9) === '0000000')
		return `Mã số thuế ${ten} không hợp lệ (7 số giữa không thể đều là 0); hãy soát lại`;
	if (taxCodeCheckDigit(ten.slice(0, 9)) !== Number(ten[9]))
		return `Mã số thuế ${ten} không đúng (sai chữ số kiểm tra); hãy soát lại từng chữ số`;
	return null;
}

export function validateTaxCode(raw: string): string | null {
	const value = raw.trim();
	if (/^\d{12}$/.test(value)) {
		const idError = validateIdNumber(value);
		return idError ? `Mã số thuế 12 số là số định danh cá nhân: ${idError}` : null;
	}
	if (/^\d{10}$/.test(value)) return validateTen(value);
	const branch = /^(\d{10})-?(\d{3})$/.exec(value);
	if (branch) {
		if (branch[2] === '000') return 'Ba số cuối của mã chi nhánh phải từ 001 đến 999';
		return validateTen(branch[1]);
	}
	if (!/^[\d-]+$/.test(value))
		return 'Mã số thuế chỉ gồm chữ số (mã chi nhánh có thêm một dấu -)';
	const digits = value.replace(/-/g, '').length;
	return `Mã số thuế có 10 chữ số, 12 chữ số (cá nhân) hoặc dạng 10 số-3 số (chi nhánh); đang có ${digits} chữ số`;
}
