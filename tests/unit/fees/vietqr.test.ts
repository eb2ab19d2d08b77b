/** VietQR payloads: the CRC against published payloads, and the fields a banking app reads. */
import { describe, expect, it } from 'vitest';
import { buildVietQr, crc16CcittFalse, parseVietQr, transferReference } from '$lib/domain/vietqr';

const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');

describe('crc16CcittFalse', () => {
	it('gives the catalogue check value 29B1 for "123456789"', () => {
		expect(hex(crc16CcittFalse('123456789'))).toBe('29B1');
	});

	it('matches the CRC of the NAPAS specification example (card transfer, A203)', () => {
		const body = '00020101021238600010A00000072701300006970403011697040311012345670208QRIBFTTC530370454061800005802VN62340107NPS68690819thanh toan don hang6304';
		expect(hex(crc16CcittFalse(body))).toBe('A203');
	});

	it('matches a payload issued by a payment provider (payOS, account transfer)', () => {
		const payload = '00020101021238570010A000000727012700069704220113VQRQADAIJ55120208QRIBFTTA5303704540470005802VN62120808TL89 1006304E346';
		expect(hex(crc16CcittFalse(payload.slice(0, -4)))).toBe('E346');
		expect(parseVietQr(payload)?.get('54')).toBe('7000');
	});
});

describe('buildVietQr', () => {
	const payload = buildVietQr({ bankBin: '970436', accountNumber: '0011001234567', amount: 16000, reference: 'HS 000.00.19.H47-260105-0001' });

	it('writes the NAPAS transfer fields in order, with a valid CRC', () => {
		expect(payload.startsWith('000201010212')).toBe(true);
		const fields = parseVietQr(payload)!;
		expect(fields.get('38')).toBe('0010A00000072701270006970436011300110012345670208QRIBFTTA');
		expect(fields.get('53')).toBe('704');
		expect(fields.get('54')).toBe('16000');
		expect(fields.get('58')).toBe('VN');
		expect(fields.get('62')).toBe('0823HS 0000019H472601050001');
	});

	it('is refused when one character changes (the CRC catches it)', () => {
		expect(parseVietQr(payload.replace('16000', '19000'))).toBeNull();
	});

	it('refuses fractions of a đồng, zero and a malformed BIN', () => {
		expect(() => buildVietQr({ bankBin: '970436', accountNumber: '1', amount: 1.5, reference: 'x' })).toThrow(RangeError);
		expect(() => buildVietQr({ bankBin: '970436', accountNumber: '1', amount: 0, reference: 'x' })).toThrow(RangeError);
		expect(() => buildVietQr({ bankBin: '97043', accountNumber: '1', amount: 1, reference: 'x' })).toThrow(RangeError);
	});

	it('keeps only letters, digits and spaces in the reference, without diacritics', () => {
		expect(transferReference('Lệ phí hồ sơ Đăng ký')).toBe('Le phi ho so Dang ky');
	});
});
