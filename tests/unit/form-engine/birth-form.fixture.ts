/**
 * A test form shaped like the birth-registration declaration (Tờ khai đăng ký khai sinh,
 * TT 04/2024/TT-BTP): the declarant, their relationship to the child (with a
 * conditional "khác" text), the child, a repeating group and a conditional section.
 */
import { formDefinitionSchema } from '$lib/domain/form-definition';

export const birthForm = formDefinitionSchema.parse({
	title: 'TỜ KHAI ĐĂNG KÝ KHAI SINH',
	template: 'Mẫu ban hành kèm theo Thông tư 04/2024/TT-BTP',
	addressee: 'Ủy ban nhân dân xã',
	sections: [
		{
			id: 'declarant',
			title: 'Người yêu cầu',
			fields: [
				{ id: 'fullName', type: 'text', label: 'Họ, chữ đệm, tên', required: true, charset: 'name', autofill: 'fullName' },
				{ id: 'dateOfBirth', type: 'date', label: 'Ngày sinh', range: 'past', required: true, autofill: 'dateOfBirth' },
				{
					id: 'sex',
					type: 'radio',
					label: 'Giới tính',
					options: [
						{ value: 'nam', label: 'Nam' },
						{ value: 'nu', label: 'Nữ' }
					],
					autofill: 'sex'
				},
				{
					id: 'idNumber',
					type: 'id-number',
					label: 'Số định danh cá nhân',
					required: true,
					dateOfBirthField: 'dateOfBirth',
					sexField: 'sex',
					autofill: 'idNumber'
				},
				{ id: 'phone', type: 'phone', label: 'Số điện thoại', required: true, autofill: 'phone' },
				{ id: 'email', type: 'email', label: 'E-mail', autofill: 'email' },
				{ id: 'residence', type: 'address', label: 'Nơi cư trú', required: true, autofill: 'currentAddress' },
				{
					id: 'relationship',
					type: 'radio',
					label: 'Quan hệ với người được khai sinh',
					required: true,
					options: [
						{ value: 'cha', label: 'Cha' },
						{ value: 'me', label: 'Mẹ' },
						{ value: 'ong-ba', label: 'Ông, bà' },
						{ value: 'khac', label: 'Khác' }
					]
				},
				{
					id: 'relationshipOther',
					type: 'text',
					label: 'Quan hệ khác (ghi rõ)',
					required: true,
					when: { field: 'relationship', equals: 'khac' }
				},
				{ id: 'wantsInvoice', type: 'checkbox', label: 'Tôi cần hóa đơn lệ phí' }
			]
		},
		{
			id: 'child',
			title: 'Người được khai sinh',
			fields: [
				{ id: 'childFullName', type: 'text', label: 'Họ, chữ đệm, tên', required: true, charset: 'name' },
				{ id: 'childDateOfBirth', type: 'date', label: 'Ngày sinh', range: 'past', required: true },
				{ id: 'childDateOfBirthInWords', type: 'derived', label: 'Ngày sinh bằng chữ', from: 'childDateOfBirth', derive: 'date-in-words' },
				{ id: 'placeOfBirth', type: 'address', label: 'Nơi sinh', withStreet: false, required: true },
				{ id: 'fatherBirthYear', type: 'date', label: 'Năm sinh của cha', yearOnly: true, range: 'past' },
				{ id: 'copies', type: 'number', label: 'Số bản sao', min: 0, max: 10, unit: 'bản' }
			]
		},
		{
			id: 'siblings',
			title: 'Anh, chị, em ruột',
			fields: [
				{
					id: 'children',
					type: 'group',
					label: 'Anh, chị, em ruột',
					itemLabel: 'người',
					max: 3,
					fields: [
						{ id: 'fullName', type: 'text', label: 'Họ, chữ đệm, tên', required: true, charset: 'name' },
						{ id: 'dateOfBirth', type: 'date', label: 'Ngày sinh', range: 'past' },
						{ id: 'dateOfBirthInWords', type: 'derived', label: 'Ngày sinh bằng chữ', from: 'dateOfBirth', derive: 'date-in-words' },
						{ id: 'idNumber', type: 'id-number', label: 'Số định danh cá nhân', dateOfBirthField: 'dateOfBirth' }
					]
				}
			]
		},
		{
			id: 'invoice',
			title: 'Thông tin hóa đơn',
			when: { field: 'wantsInvoice', equals: true },
			fields: [{ id: 'taxCode', type: 'tax-code', label: 'Mã số thuế', required: true }]
		},
		{
			id: 'declaration',
			title: 'Cam đoan và giấy tờ',
			fields: [
				{ id: 'birthCertificate', type: 'attachment', label: 'Giấy chứng sinh', required: true, maxFiles: 2 },
				{ id: 'commitment', type: 'checkbox', label: 'Tôi cam đoan nội dung khai trên đây là đúng sự thật', required: true }
			]
		}
	]
});

/** "Today" for every test: 15/09/2025 10:00 in Vietnam. */
export const TODAY = new Date('2025-09-15T03:00:00Z');

const sha = (c: string) => c.repeat(64);

/** A fully and correctly filled declaration. */
export function validAnswers(): Record<string, unknown> {
	return {
		fullName: 'Nguyễn Thị Hoà',
		dateOfBirth: '12/07/1990',
		sex: 'nu',
		idNumber: '001190012345',
		phone: '0912 345 678',
		email: 'hoa.nguyen@gmail.com',
		residence: { provinceCode: '01', communeCode: '00004', street: 'Số 5, ngõ 12 Trúc Bạch' },
		relationship: 'me',
		relationshipOther: '',
		wantsInvoice: false,
		childFullName: 'Trần Minh Khôi',
		childDateOfBirth: '05/03/2024',
		placeOfBirth: { provinceCode: '01', communeCode: '00004' },
		fatherBirthYear: '1988',
		copies: '2',
		children: [],
		taxCode: '',
		birthCertificate: [{ sha256: sha('a'), name: 'giay-chung-sinh.jpg', size: 183_422, type: 'image/jpeg' }],
		commitment: true
	};
}
