/** The shipped catalogue (data/procedures) rendered for real: the birth form above all. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { procedureSchema } from '$lib/domain/procedure';
import { buildDeclarationPdf, type Answers } from '$lib/client/pdf';
import { allLabels, allText, expectInsideMargins, extract, fonts } from './helpers';

// pdfjs and font subsetting are slow to start when the machine is busy; this is not a speed check.
vi.setConfig({ testTimeout: 30_000 });

const dir = 'data/procedures';
const load = (file: string) => procedureSchema.parse(JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')));
const birth = load('1.001193.json');

describe('birth registration declaration (1.001193)', () => {
	it('prints the blank form with every label, under 70 KB (two prepared Vietnamese font subsets ≈ 26 KB each, compressed)', async () => {
		const bytes = await buildDeclarationPdf({ procedure: birth, fonts });
		expect(bytes.byteLength).toBeLessThan(70_000);
		const pages = await extract(bytes);
		const text = allText(pages);
		expect(text).toContain('TỜ KHAI ĐĂNG KÝ KHAI SINH');
		expect(text).toContain('Thủ tục 1.001193 – Thủ tục đăng ký khai sinh');
		for (const label of allLabels(birth)) expect(text).toContain(label.normalize('NFC'));
	});

	it('prints the answers of a filled dossier and hides what does not apply', async () => {
		const answers: Answers = {
			requesterName: 'Nguyễn Văn An',
			relationship: 'cha',
			relationshipOther: 'Không được in',
			childName: 'Nguyễn Ngọc Diệp',
			childBirthDate: '2026-01-15',
			motherBirthYear: '1996'
		};
		const isVisible = (id: string, a: Answers) => id !== 'relationshipOther' || a.relationship === 'khac';
		const text = allText(
			await extract(await buildDeclarationPdf({ procedure: birth, fonts, answers, isVisible }))
		);
		expect(text).toContain('Nguyễn Văn An');
		expect(text).toContain('Nguyễn Ngọc Diệp');
		expect(text).toContain('15/01/2026');
		expect(text).toContain('Năm sinh: 1996');
		expect(text).not.toContain('Không được in');
		expect(text).not.toContain('Ghi rõ quan hệ');
	});
});

describe('every shipped procedure', () => {
	const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
	it.each(files)('%s renders a blank declaration with all its labels, inside the margins', async (file) => {
		const procedure = load(file);
		const pages = await extract(await buildDeclarationPdf({ procedure, fonts }));
		expectInsideMargins(pages);
		const text = allText(pages);
		expect(text).toContain(procedure.form.title.normalize('NFC'));
		for (const label of allLabels(procedure)) expect(text).toContain(label.normalize('NFC'));
	});
});
