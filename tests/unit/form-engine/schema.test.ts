import { describe, expect, it } from 'vitest';
import { buildAnswersSchema, emptyAnswers, validateAnswers } from '$lib/domain/form-engine';
import { decodeCurrentUnits } from '$lib/domain/units';
import { TODAY, birthForm, validAnswers } from './birth-form.fixture';

const opts = { today: TODAY };
const messagesFor = (answers: Record<string, unknown>, o: object = opts) =>
	Object.fromEntries(validateAnswers(birthForm, answers, o).errors.map((e) => [e.path, e.message]));

describe('validateAnswers on the birth declaration', () => {
	it('accepts a complete, correct declaration', () => {
		expect(validateAnswers(birthForm, validAnswers(), opts)).toEqual({ ok: true, errors: [] });
	});

	it('lists every missing required answer in form order with the right verb', () => {
		const result = validateAnswers(birthForm, emptyAnswers(birthForm), opts);
		expect(result.ok).toBe(false);
		expect(result.errors.map((e) => [e.path, e.message])).toEqual([
			['fullName', 'Vui lòng nhập họ, chữ đệm, tên'],
			['dateOfBirth', 'Vui lòng nhập ngày sinh'],
			['idNumber', 'Vui lòng nhập số định danh cá nhân'],
			['phone', 'Vui lòng nhập số điện thoại'],
			['residence', 'Vui lòng chọn nơi cư trú'],
			['relationship', 'Vui lòng chọn quan hệ với người được khai sinh'],
			['childFullName', 'Vui lòng nhập họ, chữ đệm, tên'],
			['childDateOfBirth', 'Vui lòng nhập ngày sinh'],
			['placeOfBirth', 'Vui lòng chọn nơi sinh'],
			['birthCertificate', 'Vui lòng đính kèm giấy chứng sinh'],
			['commitment', 'Vui lòng đánh dấu ô "Tôi cam đoan nội dung khai trên đây là đúng sự thật"']
		]);
	});

	it('cross-checks the ID number with the declared birth date and sex', () => {
		expect(messagesFor({ ...validAnswers(), idNumber: '001390012345' }).idNumber).toMatch(/Chữ số thứ 4 là 3.*1990/);
		expect(messagesFor({ ...validAnswers(), sex: 'nam' }).idNumber).toMatch(/giới tính nữ.*đã khai là nam/);
		expect(messagesFor({ ...validAnswers(), idNumber: '012345678' }).idNumber).toMatch(/Chứng minh nhân dân 9 số/);
	});

	it('checks each kind of answer', () => {
		const m = messagesFor({
			...validAnswers(),
			dateOfBirth: '29/02/2023',
			phone: '0123456789',
			email: 'hoa@',
			childDateOfBirth: '01/01/2026',
			fatherBirthYear: '88',
			copies: '1.000',
			relationship: 'chu'
		});
		expect(m).toEqual({
			dateOfBirth: 'Ngày 29/02 không có trong lịch năm 2023 (năm không nhuận)',
			phone: 'Đầu số 012 không phải đầu số di động Việt Nam; hãy soát lại số, ví dụ 0912 345 678',
			email: 'Địa chỉ e-mail thiếu tên miền sau dấu @, ví dụ ten@gmail.com',
			relationship: 'Lựa chọn "chu" không có trong danh sách; hãy chọn lại',
			childDateOfBirth: 'Ngày 01/01/2026 chưa tới; hãy nhập ngày từ hôm nay (15/09/2025) trở về trước',
			fatherBirthYear: 'Hãy nhập năm gồm 4 chữ số, ví dụ 1990',
			copies: 'Chỉ nhập chữ số, không dùng dấu chấm ngăn cách hàng nghìn (ví dụ 1000)'
		});
	});

	it('checks addresses: shape, street when asked, and codes against the units', () => {
		expect(messagesFor({ ...validAnswers(), residence: { provinceCode: '01', communeCode: '' } }).residence).toBe(
			'Hãy chọn xã/phường/đặc khu trong danh sách'
		);
		expect(messagesFor({ ...validAnswers(), residence: { provinceCode: '01', communeCode: '00004' } }).residence).toBe(
			'Vui lòng nhập số nhà, tên đường hoặc thôn, tổ dân phố của nơi cư trú'
		);
		const units = decodeCurrentUnits({
			v: 1,
			date: '2025-07-01',
			p: [
				['01', 'Hà Nội', 'tp', [['00004', 'Ba Đình', 'p']]],
				['79', 'Hồ Chí Minh', 'tp', [['26734', 'Sài Gòn', 'p']]]
			]
		});
		expect(validateAnswers(birthForm, validAnswers(), { ...opts, units }).ok).toBe(true);
		const wrong = { ...validAnswers(), placeOfBirth: { provinceCode: '79', communeCode: '00004' } };
		expect(messagesFor(wrong, { ...opts, units }).placeOfBirth).toMatch(/không thuộc Thành phố Hồ Chí Minh/);
		expect(messagesFor(wrong, { ...opts, units: () => 'Mã xã không có trong danh sách' }).placeOfBirth).toBe(
			'Mã xã không có trong danh sách'
		);
	});

	it('checks attachments: file records, accepted types and count', () => {
		const file = (type: string, name = 'anh.jpg') => ({ sha256: 'b'.repeat(64), name, size: 10, type });
		expect(messagesFor({ ...validAnswers(), birthCertificate: [file('image/heic', 'IMG_1.HEIC')] }).birthCertificate).toBe(
			'Tệp "IMG_1.HEIC" không đúng định dạng; chỉ nhận JPG, PNG, WebP, PDF'
		);
		const three = [file('image/jpeg'), file('image/png'), file('application/pdf')];
		expect(messagesFor({ ...validAnswers(), birthCertificate: three }).birthCertificate).toBe(
			'Tối đa 2 tệp (đang có 3); hãy bỏ bớt'
		);
		expect(
			messagesFor({ ...validAnswers(), birthCertificate: [{ ...file('image/jpeg'), sha256: 'xyz' }] }).birthCertificate
		).toBe('Tệp đính kèm bị lỗi; hãy bỏ tệp này và chọn lại');
	});

	it('names the field when an answer has the wrong shape', () => {
		expect(messagesFor({ ...validAnswers(), phone: 912345678 }).phone).toBe(
			'Câu trả lời cho "Số điện thoại" không đúng dạng; hãy nhập lại'
		);
	});
});

describe('buildAnswersSchema', () => {
	it('returns the answers exactly as typed, hidden fields included', () => {
		const answers = { ...validAnswers(), relationshipOther: 'giữ lại', phone: '+84 912 345 678' };
		const snapshot = structuredClone(answers);
		const parsed = buildAnswersSchema(birthForm, opts).parse(answers);
		expect(parsed).toEqual(snapshot);
		expect(answers).toEqual(snapshot);
	});

	it('reports the same problems as validateAnswers, at [fieldId]', () => {
		const answers = { ...validAnswers(), fullName: 'Nguyen Van A1', commitment: false };
		const issues = buildAnswersSchema(birthForm, opts).safeParse(answers).error!.issues;
		const errors = validateAnswers(birthForm, answers, opts).errors;
		expect(issues.map((i) => [i.path.join('.'), i.message])).toEqual(errors.map((e) => [e.path, e.message]));
		expect(issues.map((i) => i.path)).toEqual([['fullName'], ['commitment']]);
	});

	it('refuses something that is not an answers object', () => {
		const result = buildAnswersSchema(birthForm).safeParse(['not', 'answers']);
		expect(result.error!.issues[0].message).toBe('Dữ liệu tờ khai không đúng dạng; hãy mở lại tờ khai và lưu lại');
	});
});
