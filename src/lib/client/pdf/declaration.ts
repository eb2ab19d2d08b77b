/**
 * The declaration ("tờ khai") of a procedure as an A4 PDF: blank, to print and fill by hand
 * (service level 2), or filled from a dossier's answers (to print, sign or attach).
 * Pure: fonts come in as bytes, conditions are decided by the caller's form engine.
 */
import type { Procedure } from '$lib/domain/procedure';
import type { Field, GroupField, ScalarField } from '$lib/domain/form-definition';
import type { PDFDocument } from 'pdf-lib';
import { PdfWriter, withColon, type FontBytes } from '$lib/domain/pdf/layout';
import { formatDateTime, vietnamParts } from '$lib/domain/time';
import { defaultFormatValue, isEmptyAnswer } from './format';

export type Answers = Record<string, unknown>;

export interface DeclarationPdfInput {
	procedure: Procedure;
	fonts: FontBytes;
	/** Present = a filled declaration; absent = the blank template. */
	answers?: Answers;
	/** Text for an answer; return undefined to fall back to the default formatting. */
	formatValue?: (field: Field, value: unknown) => string | undefined;
	/**
	 * Whether a field is shown under its `when` condition (the form engine decides). For a
	 * field inside a repeating group, `answers` is the form's answers overlaid with that item's.
	 */
	isVisible?: (fieldId: string, answers: Answers) => boolean;
	/** Same for a section's `when`. */
	isSectionVisible?: (sectionId: string, answers: Answers) => boolean;
	/** Defaults to now; fixes the "lập lúc" line, the signing date and the PDF dates. */
	generatedAt?: Date;
}

/** Rows a blank form leaves for a repeating group (children, copies ...). */
const BLANK_GROUP_ITEMS = 2;
/** Lines a blank form leaves for free text. */
const BLANK_TEXT_LINES = 3;
/** Options printed as tick boxes on a blank form; longer lists get a line to write on. */
const MAX_PRINTED_OPTIONS = 8;
/** Digits of a citizen identity number (Căn cước, Law 26/2023/QH15). */
const ID_DIGITS = 12;

export function buildBlankFileName(procedure: Pick<Procedure, 'code'>): string {
	return `mau-to-khai-${procedure.code}.pdf`;
}

export function buildFilledFileName(procedure: Pick<Procedure, 'code'>, generatedAt = new Date()): string {
	const t = vietnamParts(generatedAt);
	return `to-khai-${procedure.code}-${t.year}${t.month}${t.day}.pdf`;
}

export async function buildDeclarationPdf(input: DeclarationPdfInput): Promise<Uint8Array> {
	const { procedure } = input;
	const generatedAt = input.generatedAt ?? new Date();
	const writer = await PdfWriter.create(input.fonts, {
		header: `Thủ tục ${procedure.code} – ${procedure.name}`,
		footer: (page, total) => `Trang ${page}/${total}`,
		// Handwriting needs taller lines than print.
		leading: input.answers === undefined ? 1.8 : 1.45
	});
	setMetadata(writer.doc, procedure, generatedAt);
	new DeclarationRenderer(writer, input, generatedAt).render();
	return writer.finish();
}

function setMetadata(doc: PDFDocument, procedure: Procedure, at: Date): void {
	doc.setTitle(`${procedure.form.title} – ${procedure.code}`);
	doc.setSubject(procedure.name);
	doc.setLanguage('vi-VN');
	doc.setCreator('Dịch vụ công trực tuyến');
	doc.setCreationDate(at);
	doc.setModificationDate(at);
}

class DeclarationRenderer {
	private readonly filled: boolean;
	private readonly answers: Answers;

	constructor(
		private readonly w: PdfWriter,
		private readonly input: DeclarationPdfInput,
		private readonly generatedAt: Date
	) {
		this.filled = input.answers !== undefined;
		this.answers = input.answers ?? {};
	}

	render(): void {
		this.titleBlock();
		for (const section of this.input.procedure.form.sections) {
			if (this.filled && this.input.isSectionVisible?.(section.id, this.answers) === false) continue;
			const fields = section.fields.filter((f) => this.shown(f.id, this.answers));
			const printed = fields.filter((f) => f.type !== 'attachment');
			const attachments = fields.filter((f): f is ScalarField => f.type === 'attachment');
			if (printed.length) {
				this.w.gap();
				this.w.heading(section.title);
				if (section.description && !this.filled) this.w.paragraph(section.description, { size: 9, grey: true });
				for (const field of printed) {
					if (field.type === 'group') this.group(field);
					else this.field(field, this.answers[field.id], 0);
				}
			}
			// A section of attachments only is the checklist itself, under its own title.
			if (attachments.length) this.attachmentList(printed.length ? 'Giấy tờ kèm theo' : section.title, attachments);
		}
		this.closing();
	}

	/** Blank forms show every field: whoever fills by hand decides what applies. */
	private shown(fieldId: string, answers: Answers): boolean {
		return !this.filled || this.input.isVisible?.(fieldId, answers) !== false;
	}

	private text(field: Field, value: unknown): string {
		if (!this.filled || isEmptyAnswer(value)) return '';
		return (this.input.formatValue?.(field, value) ?? defaultFormatValue(field, value)).trim();
	}

	private titleBlock(): void {
		const { w } = this;
		const form = this.input.procedure.form;
		w.paragraph(form.template, { size: 9, align: 'right', grey: true });
		w.gap();
		w.paragraph('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, align: 'center', size: 12 });
		w.paragraph('Độc lập - Tự do - Hạnh phúc', { bold: true, align: 'center', size: 12 });
		w.rule(150);
		w.gap(w.size);
		w.paragraph(form.title, { bold: true, align: 'center', size: 14 });
		if (this.filled)
			w.paragraph(`Bản in từ hồ sơ điện tử, lập lúc ${formatDateTime(this.generatedAt)}`, {
				size: 9,
				align: 'center',
				grey: true
			});
		w.gap();
		if (form.addressee) w.paragraph(`Kính gửi: ${form.addressee}`, { align: 'center' });
	}

	private field(field: ScalarField, value: unknown, indent: number): void {
		const { w } = this;
		const text = this.text(field, value);
		switch (field.type) {
			case 'id-number':
				// Boxes only when the answer is the 12 digits they are made for.
				if (!text || /^\d{12}$/.test(text)) return w.boxes(field.label, ID_DIGITS, text, indent);
				return w.labelledLine(field.label, text, indent);
			case 'date':
				if (text) return w.labelledLine(field.label, text, indent);
				return w.labelledLine(
					field.label,
					field.yearOnly ? '...................' : '........../........../..................',
					indent,
					false
				);
			case 'select':
			case 'radio':
			case 'checkboxes':
				// A long list (54 ethnic groups) is written in by hand, as on the paper form.
				if (text || field.options.length > MAX_PRINTED_OPTIONS) return w.labelledLine(field.label, text, indent);
				return w.choices(
					field.label,
					field.options.map((o) => ({ label: o.label })),
					indent
				);
			case 'checkbox':
				return w.checkboxes([{ label: field.label, checked: this.filled && value === true }], indent);
			case 'textarea':
				if (text) return w.labelledLine(field.label, text, indent);
				w.paragraph(withColon(field.label), { indent });
				return w.blankLines(BLANK_TEXT_LINES, indent);
			case 'address':
				if (text) return w.labelledLine(field.label, text, indent);
				w.paragraph(withColon(field.label), { indent });
				if (field.withStreet) w.labelledLine('Số nhà, đường/thôn, xóm', undefined, indent + 12);
				w.labelledLine('Xã/phường/đặc khu', undefined, indent + 12);
				return w.labelledLine('Tỉnh/thành phố', undefined, indent + 12);
			case 'number':
				return w.labelledLine(field.unit && !text ? `${field.label} (${field.unit})` : field.label, text, indent);
			default:
				return w.labelledLine(field.label, text, indent);
		}
	}

	/** A repeating group: numbered sub-blocks, one per item (blank rows on a blank form). */
	private group(group: GroupField): void {
		const { w } = this;
		const raw = this.filled ? this.answers[group.id] : undefined;
		const items: Answers[] = Array.isArray(raw) && raw.length ? (raw as Answers[]) : [];
		const count = items.length || (this.filled ? 1 : Math.max(BLANK_GROUP_ITEMS, group.min));
		// Keep the group's label with its first item.
		w.ensureSpace(w.lineHeight() * 4);
		w.paragraph(withColon(group.label));
		for (let i = 0; i < count; i++) {
			const item = items[i] ?? {};
			const scope = { ...this.answers, ...item };
			w.ensureSpace(w.lineHeight() * 3);
			w.paragraph(`${group.itemLabel} ${i + 1}`, { bold: true, indent: 12 });
			for (const sub of group.fields) {
				if (!this.shown(sub.id, scope)) continue;
				this.field(sub, item[sub.id], 24);
			}
		}
	}

	private attachmentList(title: string, fields: ScalarField[]): void {
		const { w } = this;
		w.gap();
		w.heading(title);
		w.checkboxes(
			fields.map((field) => {
				const text = this.text(field, this.answers[field.id]);
				return { label: text ? `${field.label} (${text})` : field.label, checked: Boolean(text) };
			})
		);
	}

	/**
	 * Place and date, then the signature block in the right half, kept on one page; the
	 * reserved 10 pt plus the bottom margin (together ~2 cm) leave room to sign.
	 */
	private closing(): void {
		const { w } = this;
		const half = w.width / 2;
		const at = { indent: half, width: half, align: 'center' as const };
		const height = w.lineHeight() * 2 + w.lineHeight(9) + 10;
		// Drop the spacing rather than leave the signature alone on a page of its own.
		if (w.remaining >= height + w.size) w.gap(w.size);
		w.ensureSpace(height);
		const t = vietnamParts(this.generatedAt);
		const date = this.filled
			? `................, ngày ${t.day} tháng ${t.month} năm ${t.year}`
			: '................, ngày ....... tháng ....... năm ..........';
		w.paragraph(date, at);
		w.paragraph('NGƯỜI YÊU CẦU', { ...at, bold: true });
		w.paragraph('(Ký, ghi rõ họ, chữ đệm, tên)', { ...at, size: 9, grey: true });
	}
}
