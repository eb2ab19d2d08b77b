/**
 * Vietnamese mobile numbers: 10 digits starting with 0, or the country code 84/+84
 * followed by the 9 digits after the 0. Since the 2018 renumbering (Thông tư
 * 22/2014/TT-BTTTT as amended; done 15/09–15/11/2018) no mobile number has 11 digits.
 * Carriers' prefixes (number portability makes the carrier itself unreliable):
 * see data/vn-egov-reference.json `mobile_prefixes`.
 */

export const MOBILE_PREFIXES: Readonly<Record<string, readonly string[]>> = {
	Viettel: ['032', '033', '034', '035', '036', '037', '038', '039', '086', '096', '097', '098'],
	MobiFone: ['070', '076', '077', '078', '079', '089', '090', '093'],
	VinaPhone: ['081', '082', '083', '084', '085', '088', '091', '094'],
	Vietnamobile: ['052', '056', '058', '092'],
	Gmobile: ['059', '099'],
	iTel: ['087'],
	// Allowed by the reference regex (5[25689]); assigned to the Reddi MVNO.
	Reddi: ['055']
};

const PREFIXES: ReadonlySet<string> = new Set(Object.values(MOBILE_PREFIXES).flat());

/** Old 11-digit prefixes → their 10-digit replacement (2018), to tell people the new number. */
const RENUMBERED: Readonly<Record<string, string>> = {
	'0120': '070', '0121': '079', '0122': '077', '0126': '076', '0128': '078',
	'0123': '083', '0124': '084', '0125': '085', '0127': '081', '0129': '082',
	'0162': '032', '0163': '033', '0164': '034', '0165': '035', '0166': '036',
	'0167': '037', '0168': '038', '0169': '039',
	'0186': '056', '0188': '058', '0199': '059'
};

const SEPARATORS = /[\s.\-()]/g;

/** The national form "0xxxxxxxxx" of what was typed, or null when it has no such form. */
export function normalizePhone(raw: string): string | null {
	let digits = raw.replace(SEPARATORS, '');
	if (digits.startsWith('+84')) digits = '0' + digits.slice(3);
	else if (digits.startsWith('84') && digits.length === 11) digits = '0' + digits.slice(2);
	return /^0\d{9}$/.test(digits) ? digits : null;
}

export function validatePhone(raw: string): string | null {
	const compact = raw.trim().replace(SEPARATORS, '');
	if (!/^\+?\d+$/.test(compact))
		return 'Số điện thoại chỉ gồm chữ số (có thể cách nhau bằng dấu cách hoặc dấu chấm)';
	const national = compact.startsWith('+84')
		? '0' + compact.slice(3)
		: compact.startsWith('84') && compact.length === 11
			? '0' + compact.slice(2)
			: compact;
	if (!national.startsWith('0'))
		return 'Số di động bắt đầu bằng 0 hoặc +84, ví dụ 0912 345 678';
	const renumbered = RENUMBERED[national.slice(0, 4)];
	if (national.length === 11 && renumbered)
		return `Số 11 chữ số đầu ${national.slice(0, 4)} đã đổi sang đầu ${renumbered} từ năm 2018; hãy nhập ${renumbered}${national.slice(4)}`;
	if (national.length !== 10)
		return `Số di động phải có 10 chữ số (đang có ${national.length})`;
	const prefix = national.slice(0, 3);
	if (!PREFIXES.has(prefix))
		return `Đầu số ${prefix} không phải đầu số di động Việt Nam; hãy soát lại số, ví dụ 0912 345 678`;
	return null;
}
