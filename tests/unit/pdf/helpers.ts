/** Shared by the PDF tests: the real fonts, a fixture procedure and text extraction with pdfjs. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { procedureSchema, type Procedure, type ProcedureInput } from '$lib/domain/procedure';

export const fonts = {
	regular: new Uint8Array(readFileSync('static/fonts/BeVietnamPro-Regular.pdffont')),
	bold: new Uint8Array(readFileSync('static/fonts/BeVietnamPro-Bold.pdffont'))
};

export interface TextItem {
	str: string;
	x: number;
	y: number;
	width: number;
}
export interface ExtractedPage {
	width: number;
	height: number;
	items: TextItem[];
	/** The page's text in reading order, NFC, one item per line-ish (joined by spaces). */
	text: string;
}

export async function extract(bytes: Uint8Array): Promise<ExtractedPage[]> {
	// pdfjs transfers (detaches) the buffer it gets; give it a copy.
	const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, disableFontFace: true }).promise;
	const pages: ExtractedPage[] = [];
	for (let i = 1; i <= doc.numPages; i++) {
		const page = await doc.getPage(i);
		const [, , width, height] = page.view;
		const content = await page.getTextContent();
		const items = content.items
			.filter((it) => 'str' in it)
			.map((it) => ({ str: it.str.normalize('NFC'), x: it.transform[4], y: it.transform[5], width: it.width }));
		pages.push({ width, height, items, text: items.map((it) => it.str).join(' ').replace(/\s+/g, ' ') });
	}
	await doc.destroy();
	return pages;
}

/** All text, NFC, whitespace collapsed: labels that wrap over two lines still match. */
export const allText = (pages: ExtractedPage[]) =>
	pages
		.map((p) => p.text)
		.join(' ')
		.replace(/\s+/g, ' ');

const longLabel =
	'Nơi cư trú hiện tại của người yêu cầu (ghi rõ số nhà, đường phố, thôn, xóm, tổ dân phố nếu khác nơi thường trú ghi trên Căn cước)';

export const fixtureInput: ProcedureInput = {
	code: '1.999001',
	name: 'Thủ tục thử nghiệm đăng ký việc nuôi con nuôi trong nước có yếu tố đặc biệt',
	field: 'Hộ tịch',
	tier: 'xa',
	agency: { id: 'ubnd-xa', name: 'Ủy ban nhân dân cấp xã' },
	onlineLevel: 'toan-trinh',
	summary: 'Thủ tục dùng cho bài kiểm thử.',
	steps: ['Nộp hồ sơ'],
	documents: [{ name: 'Tờ khai', kind: 'original', count: 1, isForm: true }],
	processingTime: { kind: 'working-days', days: 3 },
	fees: [],
	result: { name: 'Giấy chứng nhận', delivery: ['online'] },
	legalBasis: ['Luật Hộ tịch 2014'],
	sources: [{ title: 'Cổng Dịch vụ công quốc gia' }],
	form: {
		title: 'TỜ KHAI THỬ NGHIỆM ĐĂNG KÝ',
		template: 'Mẫu ban hành kèm theo Thông tư số 04/2024/TT-BTP ngày 06/6/2024 của Bộ trưởng Bộ Tư pháp',
		addressee: 'Ủy ban nhân dân xã/phường/đặc khu ..........',
		sections: [
			{
				id: 'requester',
				title: 'Thông tin người yêu cầu',
				fields: [
					{ id: 'fullName', type: 'text', label: 'Họ, chữ đệm, tên người yêu cầu', charset: 'name' },
					{ id: 'dateOfBirth', type: 'date', label: 'Ngày, tháng, năm sinh', range: 'past' },
					{ id: 'birthYear', type: 'date', label: 'Năm sinh của người làm chứng', yearOnly: true },
					{ id: 'idNumber', type: 'id-number', label: 'Số định danh cá nhân' },
					{ id: 'sex', type: 'radio', label: 'Giới tính', options: [{ value: 'nam', label: 'Nam' }, { value: 'nu', label: 'Nữ' }] },
					{ id: 'residence', type: 'address', label: longLabel },
					{ id: 'phone', type: 'phone', label: 'Số điện thoại liên hệ' },
					{ id: 'email', type: 'email', label: 'Thư điện tử' },
					{ id: 'taxCode', type: 'tax-code', label: 'Mã số thuế' },
					{
						id: 'relation',
						type: 'select',
						label: 'Quan hệ với người được đăng ký',
						options: [
							{ value: 'cha', label: 'Cha' },
							{ value: 'me', label: 'Mẹ' },
							{ value: 'khac', label: 'Người thân thích khác theo quy định của pháp luật' }
						]
					},
					{
						id: 'relationOther',
						type: 'text',
						label: 'Ghi rõ quan hệ khác',
						when: { field: 'relation', equals: 'khac' }
					}
				]
			},
			{
				id: 'details',
				title: 'Nội dung đề nghị và thông tin bổ sung có liên quan đến việc đăng ký',
				fields: [
					{ id: 'reason', type: 'textarea', label: 'Lý do đề nghị đăng ký' },
					{ id: 'copies', type: 'number', label: 'Số bản sao đề nghị cấp', unit: 'bản' },
					{
						id: 'delivery',
						type: 'checkboxes',
						label: 'Hình thức nhận kết quả',
						options: [
							{ value: 'counter', label: 'Trực tiếp' },
							{ value: 'post', label: 'Qua bưu chính công ích' }
						]
					},
					{ id: 'dobInWords', type: 'derived', label: 'Ngày sinh bằng chữ', from: 'dateOfBirth', derive: 'date-in-words' },
					{
						id: 'children',
						type: 'group',
						label: 'Con chung của hai bên',
						itemLabel: 'Người con',
						fields: [
							{ id: 'childName', type: 'text', label: 'Họ, chữ đệm, tên' },
							{ id: 'childBirth', type: 'date', label: 'Ngày sinh' }
						]
					},
					{ id: 'idCardScan', type: 'attachment', label: 'Bản chụp Căn cước của người yêu cầu' },
					{ id: 'commitment', type: 'checkbox', label: 'Tôi cam đoan những nội dung khai trên đây là đúng sự thật' }
				]
			}
		]
	}
};

export const fixture: Procedure = procedureSchema.parse(fixtureInput);

/** Every label a blank form must print, group sub-fields included. */
export function allLabels(p: Procedure): string[] {
	return p.form.sections.flatMap((s) =>
		s.fields.flatMap((f) => [f.label, ...(f.type === 'group' ? f.fields.map((x) => x.label) : [])])
	);
}

const MARGIN = 50;
const isFooter = (s: string) => /^Trang \d+\/\d+$/.test(s);

/**
 * Body text sits above the bottom margin and between the side margins; only the page
 * footer lives in the bottom margin band.
 */
export function expectInsideMargins(pages: ExtractedPage[]) {
	for (const [i, page] of pages.entries())
		for (const item of page.items) {
			if (!item.str.trim()) continue;
			const where = `"${item.str}" on page ${i + 1}`;
			if (isFooter(item.str)) expect(item.y, where).toBeGreaterThan(15);
			else expect(item.y, where).toBeGreaterThanOrEqual(MARGIN);
			expect(item.x, where).toBeGreaterThanOrEqual(MARGIN - 0.5);
			expect(item.x + item.width, where).toBeLessThanOrEqual(page.width - MARGIN + 0.5);
		}
}
