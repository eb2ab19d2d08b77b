import { describe, expect, it, vi } from 'vitest';
import { procedureSchema, type ProcedureInput } from '$lib/domain/procedure';
import {
	buildBlankFileName,
	buildDeclarationPdf,
	buildFilledFileName,
	type Answers
} from '$lib/client/pdf';
import { A4 } from '$lib/domain/pdf/layout';
import { allLabels, allText, expectInsideMargins, extract, fixture, fixtureInput, fonts } from './helpers';

// pdfjs and font subsetting are slow to start when the machine is busy; this is not a speed check.
vi.setConfig({ testTimeout: 30_000 });

const at = new Date('2026-02-03T07:05:00Z'); // 14:05 in Vietnam

const filledAnswers: Answers = {
	fullName: 'Nguyễn Văn An',
	dateOfBirth: '1990-03-05',
	birthYear: 1962,
	idNumber: '001090012345',
	sex: 'nam',
	residence: { street: 'Số 12 ngõ 34 phố Hàng Bạc', ward: 'Phường Hoàn Kiếm', province: 'Thành phố Hà Nội' },
	phone: '0912345678',
	relation: 'me',
	relationOther: 'Chú ruột (không được in)',
	reason: 'Đăng ký lại do bản chính bị hư hỏng',
	copies: 2,
	delivery: ['counter', 'post'],
	dobInWords: 'Ngày năm tháng ba năm một nghìn chín trăm chín mươi',
	children: [
		{ childName: 'Nguyễn Thị Bình', childBirth: '2015-09-02' },
		{ childName: 'Nguyễn Minh Châu', childBirth: '2018-12-24' }
	],
	idCardScan: [{ name: 'can-cuoc-mat-truoc.jpg' }],
	commitment: true
};

// Stands in for the form engine: only the condition the fixture uses.
const isVisible = (id: string, a: Answers) => id !== 'relationOther' || a.relation === 'khac';

describe('blank declaration', () => {
	it('prints the national motto, title, template, addressee and the procedure on A4 pages', async () => {
		const pages = await extract(await buildDeclarationPdf({ procedure: fixture, fonts }));
		const text = allText(pages);
		for (const page of pages) {
			expect(page.width).toBeCloseTo(A4[0], 1);
			expect(page.height).toBeCloseTo(A4[1], 1);
		}
		expect(text).toContain('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM');
		expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
		expect(text).toContain('TỜ KHAI THỬ NGHIỆM ĐĂNG KÝ');
		expect(text).toContain('Thông tư số 04/2024/TT-BTP');
		expect(text).toContain('Kính gửi: Ủy ban nhân dân xã/phường/đặc khu');
		expect(text).toContain(`Thủ tục 1.999001 – ${fixture.name}`.normalize('NFC'));
		expect(text).toContain(`Trang 1/${pages.length}`);
		expect(text).toContain('NGƯỜI YÊU CẦU');
		expect(text).toContain('(Ký, ghi rõ họ, chữ đệm, tên)');
		expect(text).not.toContain('Bản in từ hồ sơ điện tử');
	});

	it('prints every field label, option, address line and two rows per repeating group', async () => {
		const text = allText(await extract(await buildDeclarationPdf({ procedure: fixture, fonts })));
		for (const label of allLabels(fixture)) expect(text).toContain(label.normalize('NFC'));
		for (const option of ['Nam', 'Nữ', 'Người thân thích khác theo quy định của pháp luật', 'Qua bưu chính công ích'])
			expect(text).toContain(option);
		expect(text).toContain('Số nhà, đường/thôn, xóm:');
		expect(text).toContain('Tỉnh/thành phố:');
		expect(text).toContain('Người con 1');
		expect(text).toContain('Người con 2');
		expect(text).toContain('Giấy tờ kèm theo');
		expect(text).toContain('........../........../..................');
		expect(text).toContain('ngày ....... tháng ....... năm');
	});

	it('stays small with subset fonts', async () => {
		const bytes = await buildDeclarationPdf({ procedure: fixture, fonts });
		expect(bytes.byteLength).toBeLessThan(60_000);
	});

	it('is named after the procedure code', () => {
		expect(buildBlankFileName(fixture)).toBe('mau-to-khai-1.999001.pdf');
		expect(buildFilledFileName(fixture, at)).toBe('to-khai-1.999001-20260203.pdf');
	});
});

describe('filled declaration', () => {
	const build = (extra: Partial<Parameters<typeof buildDeclarationPdf>[0]> = {}) =>
		buildDeclarationPdf({ procedure: fixture, fonts, answers: filledAnswers, isVisible, generatedAt: at, ...extra });

	it('prints answers formatted for reading', async () => {
		const text = allText(await extract(await build()));
		expect(text).toContain('Nguyễn Văn An');
		expect(text).toContain('Ngày, tháng, năm sinh: 05/03/1990');
		expect(text).toContain('Năm sinh của người làm chứng: 1962');
		expect(text).toContain('Giới tính: Nam');
		expect(text).toContain('Quan hệ với người được đăng ký: Mẹ');
		expect(text).toContain('Số bản sao đề nghị cấp: 2 bản');
		expect(text).toContain('Hình thức nhận kết quả: Trực tiếp, Qua bưu chính công ích');
		expect(text).toContain('Số 12 ngõ 34 phố Hàng Bạc, Phường Hoàn Kiếm, Thành phố Hà Nội');
		expect(text).toContain('Đăng ký lại do bản chính bị hư hỏng');
		expect(text).toContain('can-cuoc-mat-truoc.jpg');
		expect(text).toContain('Bản in từ hồ sơ điện tử, lập lúc 14:05 03/02/2026');
		expect(text).toContain('ngày 03 tháng 02 năm 2026');
	});

	it('writes the ID number one digit per box', async () => {
		const pages = await extract(await build());
		const digits = pages[0].items.filter((it) => /^\d$/.test(it.str));
		expect(digits.map((d) => d.str).join('')).toContain('001090012345');
	});

	it('prints each group item as a numbered block', async () => {
		const text = allText(await extract(await build()));
		expect(text).toMatch(/Người con 1 .*Nguyễn Thị Bình.*02\/09\/2015.*Người con 2 .*Nguyễn Minh Châu.*24\/12\/2018/);
	});

	it('leaves out fields and sections hidden by their conditions', async () => {
		const text = allText(await extract(await build({ isSectionVisible: (id) => id !== 'details' })));
		expect(text).not.toContain('Ghi rõ quan hệ khác');
		expect(text).not.toContain('Chú ruột');
		expect(text).not.toContain('Lý do đề nghị đăng ký');
		expect(text).toContain('Họ, chữ đệm, tên người yêu cầu: Nguyễn Văn An');
	});

	it('keeps the blank choices for an unanswered question', async () => {
		const text = allText(await extract(await build({ answers: { fullName: 'Nguyễn Văn An' } })));
		expect(text).toContain('Giới tính:');
		expect(text).toContain('Nữ');
		expect(text).toContain('Người con 1');
		expect(text).not.toContain('Người con 2');
	});

	it("uses the caller's formatValue first and the default when it returns undefined", async () => {
		const text = allText(
			await extract(
				await build({
					formatValue: (field) => (field.type === 'address' ? 'Phường Ba Đình, Thành phố Hà Nội' : undefined)
				})
			)
		);
		expect(text).toContain('Phường Ba Đình, Thành phố Hà Nội');
		expect(text).not.toContain('Hàng Bạc');
		expect(text).toContain('Giới tính: Nam');
	});
});

describe('page breaking', () => {
	const longForm: ProcedureInput = {
		...fixtureInput,
		form: {
			...fixtureInput.form,
			sections: [0, 1, 2].map((s) => ({
				id: `part${s}`,
				title: `Phần ${s + 1}: thông tin chi tiết của người được đăng ký và của cha, mẹ`,
				fields: Array.from({ length: 20 }, (_, i) => ({
					id: `field${s}x${i}`,
					type: i % 5 === 0 ? ('textarea' as const) : ('text' as const),
					label: `Trường số ${s * 20 + i + 1}: nơi đăng ký thường trú trước khi chuyển đến địa bàn xã, phường, đặc khu hiện nay`
				}))
			}))
		}
	};
	const procedure = procedureSchema.parse(longForm);

	it('breaks a 60-field form over several pages, headed and numbered, never below the margin', async () => {
		const pages = await extract(await buildDeclarationPdf({ procedure, fonts }));
		expect(pages.length).toBeGreaterThanOrEqual(2);
		expectInsideMargins(pages);
		for (const [i, page] of pages.entries()) {
			expect(page.text).toContain('Thủ tục 1.999001');
			expect(page.text).toContain(`Trang ${i + 1}/${pages.length}`);
		}
		const text = allText(pages);
		for (const label of allLabels(procedure)) expect(text).toContain(label);
		// The place/date line and the signature block never part.
		const last = pages.at(-1)!.text;
		for (const line of ['ngày ....... tháng', 'NGƯỜI YÊU CẦU', '(Ký, ghi rõ họ, chữ đệm, tên)']) expect(last).toContain(line);
	});

	it('breaks long filled answers too', async () => {
		const answers = Object.fromEntries(
			procedure.form.sections.flatMap((s) => s.fields.map((f) => [f.id, 'Thôn Đông Hưng, xã Quảng Phú '.repeat(6)]))
		);
		const pages = await extract(await buildDeclarationPdf({ procedure, fonts, answers, generatedAt: at }));
		expect(pages.length).toBeGreaterThanOrEqual(3);
		expectInsideMargins(pages);
	});
});
