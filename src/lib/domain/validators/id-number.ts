/**
 * Số định danh cá nhân (printed on the CCCD / thẻ căn cước), 12 digits:
 *   1–3  code of the province where the birth was registered,
 *   4    sex + century of birth (0/1 = male/female born 1900–1999, 2/3 = 2000–2099, …),
 *   5–6  last two digits of the year of birth,
 *   7–12 random.
 * Structure: Thông tư 07/2016/TT-BCA (Điều 7), kept for the số định danh cá nhân under
 * Luật Căn cước 2023 and Nghị định 70/2024/NĐ-CP. There is no check digit.
 * The 2025 province merger did not renumber anyone: existing numbers keep the code of
 * the old (pre-2025) province, so the 63 old codes below stay the valid set.
 */

/** Pre-2025 province codes used in digits 1–3 (the 63 provinces of that time, GSO numbering). */
export const BIRTH_PROVINCE_CODES: ReadonlySet<string> = new Set([
	'001', '002', '004', '006', '008', '010', '011', '012', '014', '015', '017', '019', '020',
	'022', '024', '025', '026', '027', '030', '031', '033', '034', '035', '036', '037', '038',
	'040', '042', '044', '045', '046', '048', '049', '051', '052', '054', '056', '058', '060',
	'062', '064', '066', '067', '068', '070', '072', '074', '075', '077', '079', '080', '082',
	'083', '084', '086', '087', '089', '091', '092', '093', '094', '095', '096'
]);

export type Sex = 'nam' | 'nu';

export interface IdNumberParts {
	provinceCode: string;
	sex: Sex;
	birthYear: number;
}

/** Reads the structured digits; assumes 12 digits. */
export function parseIdNumber(value: string): IdNumberParts {
	const sexCentury = Number(value[3]);
	return {
		provinceCode: value.slice(0, 3),
		sex: sexCentury % 2 === 0 ? 'nam' : 'nu',
		birthYear: 1900 + Math.floor(sexCentury / 2) * 100 + Number(value.slice(4, 6))
	};
}

const sexWord = (s: Sex) => (s === 'nam' ? 'nam' : 'nữ');

export interface IdNumberContext {
	/** Year of birth from the form, when known, to cross-check digits 4–6. */
	birthYear?: number;
	/** Sex from the form, when known, to cross-check digit 4. */
	sex?: Sex;
	/** The current year (Vietnam time); a number cannot encode a birth after it. */
	currentYear?: number;
}

export function validateIdNumber(raw: string, ctx: IdNumberContext = {}): string | null {
	const value = raw.trim();
	if (!/^\d+$/.test(value)) return 'Số định danh chỉ gồm chữ số, không có chữ cái hay dấu cách';
	if (value.length === 9)
		return 'Chứng minh nhân dân 9 số không còn giá trị từ 01/01/2025 (Luật Căn cước 2023). Hãy nhập số định danh cá nhân 12 số';
	if (value.length !== 12)
		return `Số CCCD/số định danh phải có đủ 12 chữ số (đang có ${value.length})`;

	const parts = parseIdNumber(value);
	if (!BIRTH_PROVINCE_CODES.has(parts.provinceCode))
		return `3 số đầu "${parts.provinceCode}" không phải mã tỉnh nơi đăng ký khai sinh; hãy soát lại số in trên thẻ`;
	const centuryDigit = value[3];

	if (ctx.birthYear !== undefined) {
		const century = Math.floor(ctx.birthYear / 100) * 100;
		const encodedCentury = Math.floor(parts.birthYear / 100) * 100;
		if (century !== encodedCentury)
			return `Chữ số thứ 4 là ${centuryDigit} (người sinh từ năm ${encodedCentury} đến ${encodedCentury + 99}) nhưng năm sinh đã khai là ${ctx.birthYear}; hãy soát lại số định danh hoặc ngày sinh`;
		const yy = String(ctx.birthYear % 100).padStart(2, '0');
		if (value.slice(4, 6) !== yy)
			return `Chữ số thứ 5–6 là ${value.slice(4, 6)} nhưng năm sinh đã khai là ${ctx.birthYear} (phải là ${yy}); hãy soát lại số định danh hoặc ngày sinh`;
	}
	// After the cross-check: a contradiction with the declared birth date says more.
	if (ctx.currentYear !== undefined && parts.birthYear > ctx.currentYear)
		return `Chữ số thứ 4 là ${centuryDigit} và số thứ 5–6 là ${value.slice(4, 6)} cho năm sinh ${parts.birthYear}, chưa tới; hãy soát lại số in trên thẻ`;
	if (ctx.sex !== undefined && ctx.sex !== parts.sex)
		return `Chữ số thứ 4 là ${centuryDigit} (giới tính ${sexWord(parts.sex)}) nhưng giới tính đã khai là ${sexWord(ctx.sex)}; hãy soát lại số định danh hoặc giới tính`;
	return null;
}
