import { describe, expect, it } from 'vitest';
import { buildAnswersSchema, derivedValues, validateAnswers } from '$lib/domain/form-engine';
import { TODAY, birthForm, validAnswers } from './birth-form.fixture';

const withChildren = (children: unknown) => ({ ...validAnswers(), children });

describe('repeating groups', () => {
	it('accepts valid items and reports nested errors with their path', () => {
		// Item 1's birth date is unreadable, so its ID number is only checked for structure.
		const result = validateAnswers(
			birthForm,
			withChildren([
				{ fullName: 'Trần Minh An', dateOfBirth: '01/06/2019', idNumber: '001219012345' },
				{ fullName: '', dateOfBirth: '31/02/2021', idNumber: '001021012345' }
			]),
			{ today: TODAY }
		);
		expect(result.errors).toEqual([
			{ path: 'children.1.fullName', fieldId: 'fullName', label: 'Họ, chữ đệm, tên', message: 'Vui lòng nhập họ, chữ đệm, tên' },
			{ path: 'children.1.dateOfBirth', fieldId: 'dateOfBirth', label: 'Ngày sinh', message: 'Ngày 31/02 không có trong lịch' }
		]);
	});

	it('cross-checks an ID number against the birth date in the same item', () => {
		const result = validateAnswers(
			birthForm,
			withChildren([{ fullName: 'Trần Minh An', dateOfBirth: '01/06/2019', idNumber: '001019012345' }]),
			{ today: TODAY }
		);
		expect(result.errors).toHaveLength(1);
		expect(result.errors[0].path).toBe('children.0.idNumber');
		expect(result.errors[0].message).toMatch(/Chữ số thứ 4 là 0.*2019/);
	});

	it('enforces max and min item counts', () => {
		const item = { fullName: 'Trần An', dateOfBirth: '', idNumber: '' };
		const tooMany = validateAnswers(birthForm, withChildren([item, item, item, item]), { today: TODAY });
		expect(tooMany.errors).toEqual([
			{ path: 'children', fieldId: 'children', label: 'Anh, chị, em ruột', message: 'Tối đa 3 người (đang có 4); hãy bỏ bớt' }
		]);
		const needsTwo = {
			...birthForm,
			sections: birthForm.sections.map((s) =>
				s.id === 'siblings' ? { ...s, fields: s.fields.map((f) => (f.type === 'group' ? { ...f, min: 2, required: true } : f)) } : s
			)
		};
		expect(validateAnswers(needsTwo, withChildren([item]), { today: TODAY }).errors[0].message).toBe(
			'Cần ít nhất 2 người (đang có 1)'
		);
		expect(validateAnswers(needsTwo, withChildren([]), { today: TODAY }).errors[0].message).toBe(
			'Vui lòng thêm ít nhất một người'
		);
	});

	it('puts nested issues at [groupId, index, subFieldId] in the zod schema', () => {
		const parsed = buildAnswersSchema(birthForm, { today: TODAY }).safeParse(
			withChildren([{ fullName: 'An2', dateOfBirth: '', idNumber: '' }])
		);
		expect(parsed.success).toBe(false);
		expect(parsed.error!.issues.map((i) => [i.path, i.message])).toEqual([
			[['children', 0, 'fullName'], `Chỉ dùng chữ cái, dấu cách, dấu ' hoặc dấu -; hãy bỏ ký tự "2"`]
		]);
	});

	it('derives date words per item', () => {
		const values = derivedValues(
			birthForm,
			withChildren([{ fullName: 'An', dateOfBirth: '24/04/2014' }, { fullName: 'Bình', dateOfBirth: '' }])
		);
		expect(values).toEqual({
			childDateOfBirthInWords: 'Ngày năm, tháng ba, năm hai nghìn không trăm hai mươi tư',
			'children.0.dateOfBirthInWords': 'Ngày hai mươi tư, tháng tư, năm hai nghìn không trăm mười bốn',
			'children.1.dateOfBirthInWords': ''
		});
	});
});
