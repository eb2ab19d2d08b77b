/**
 * VietQR bank-transfer codes: the EMVCo merchant-presented QR payload (EMV QRCPS) with the
 * NAPAS 247 profile, built on the device so the code can be shown offline once the amount
 * is known. Every field is ID (2 digits) + length (2 digits) + value; the payload ends with
 * the CRC of everything before it, "6304" included.
 *
 * 00 = 01 (format), 01 = 12 (dynamic: amount fixed), 38 = NAPAS account info (00 GUID
 * A000000727, 01 beneficiary = 00 bank BIN + 01 account, 02 service QRIBFTTA = transfer to
 * an account), 53 = 704 (VND), 54 = amount, 58 = VN, 62 = additional data (08 purpose:
 * the dossier reference), 63 = CRC-16/CCITT-FALSE as 4 upper-case hex digits.
 */

/** CRC-16/CCITT-FALSE: polynomial 0x1021, initial 0xFFFF, no reflection, no final XOR. */
export function crc16CcittFalse(text: string): number {
	let crc = 0xffff;
	for (const byte of new TextEncoder().encode(text)) {
		crc ^= byte << 8;
		for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
	}
	return crc;
}

function field(id: string, value: string): string {
	const length = new TextEncoder().encode(value).length;
	if (length > 99) throw new RangeError(`Trường ${id} của mã VietQR dài quá 99 byte`);
	return `${id}${String(length).padStart(2, '0')}${value}`;
}

export const NAPAS_GUID = 'A000000727';
export const TRANSFER_TO_ACCOUNT = 'QRIBFTTA';

export interface VietQrTransfer {
	/** The 6-digit NAPAS bank identification number, e.g. 970436 (Vietcombank). */
	bankBin: string;
	accountNumber: string;
	/** Whole đồng. */
	amount: number;
	/** The transfer description the bank statement will carry: the payment reference. */
	reference: string;
}

/** Letters, digits and spaces only: banks drop or mangle anything else in a transfer description. */
export function transferReference(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/đ/g, 'd')
		.replace(/Đ/g, 'D')
		.replace(/[^A-Za-z0-9 ]/g, '')
		.slice(0, 25);
}

export function buildVietQr(t: VietQrTransfer): string {
	if (!/^\d{6}$/.test(t.bankBin)) throw new RangeError('Mã BIN ngân hàng phải có 6 chữ số');
	if (!/^[0-9A-Za-z]{1,19}$/.test(t.accountNumber)) throw new RangeError('Số tài khoản chỉ gồm chữ và số, tối đa 19 ký tự');
	if (!Number.isSafeInteger(t.amount) || t.amount <= 0 || String(t.amount).length > 13)
		throw new RangeError('Số tiền chuyển khoản phải là số nguyên đồng dương');
	const reference = transferReference(t.reference);
	const beneficiary = field('00', t.bankBin) + field('01', t.accountNumber);
	const payload =
		field('00', '01') +
		field('01', '12') +
		field('38', field('00', NAPAS_GUID) + field('01', beneficiary) + field('02', TRANSFER_TO_ACCOUNT)) +
		field('53', '704') +
		field('54', String(t.amount)) +
		field('58', 'VN') +
		(reference ? field('62', field('08', reference)) : '') +
		'6304';
	return payload + crc16CcittFalse(payload).toString(16).toUpperCase().padStart(4, '0');
}

/** Top-level fields of a payload (nested templates left as text), after checking its CRC. */
export function parseVietQr(payload: string): Map<string, string> | null {
	if (payload.length < 8 || !payload.slice(-8, -4).startsWith('6304')) return null;
	const crc = crc16CcittFalse(payload.slice(0, -4)).toString(16).toUpperCase().padStart(4, '0');
	if (crc !== payload.slice(-4).toUpperCase()) return null;
	const fields = new Map<string, string>();
	let i = 0;
	while (i < payload.length) {
		const id = payload.slice(i, i + 2);
		const length = Number(payload.slice(i + 2, i + 4));
		if (!/^\d{2}$/.test(id) || !Number.isInteger(length)) return null;
		fields.set(id, payload.slice(i + 4, i + 4 + length));
		i += 4 + length;
	}
	return fields;
}
