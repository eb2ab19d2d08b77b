import { describe, expect, it } from 'vitest';
import { evaluateCondition, validateAnswers, visibleFields, visibleSections } from '$lib/domain/form-engine';
import { TODAY, birthForm, validAnswers } from './birth-form.fixture';

const ids = (fields: { id: string }[]) => fields.map((f) => f.id);

describe('evaluateCondition', () => {
	it('handles equals, in, filled, all, any and not', () => {
		const a = { relationship: 'khac', copies: '3', services: ['sms', 'post'], note: '  ', ok: true };
		expect(evaluateCondition({ field: 'relationship', equals: 'khac' }, a)).toBe(true);
		expect(evaluateCondition({ field: 'copies', equals: 3 }, a)).toBe(true);
		expect(evaluateCondition({ field: 'ok', equals: true }, a)).toBe(true);
		expect(evaluateCondition({ field: 'ok', equals: 'true' }, a)).toBe(false);
		expect(evaluateCondition({ field: 'services', equals: 'post' }, a)).toBe(true);
		expect(evaluateCondition({ field: 'relationship', in: ['cha', 'me'] }, a)).toBe(false);
		expect(evaluateCondition({ field: 'note', filled: false }, a)).toBe(true);
		expect(evaluateCondition({ field: 'missing', filled: true }, a)).toBe(false);
		expect(
			evaluateCondition({ all: [{ field: 'ok', equals: true }, { not: { field: 'copies', in: [1, 2] } }] }, a)
		).toBe(true);
		expect(evaluateCondition({ any: [{ field: 'ok', equals: false }, { field: 'note', filled: true }] }, a)).toBe(false);
	});
});

describe('conditional fields and sections', () => {
	it('does not enforce a hidden required field', () => {
		const answers = validAnswers(); // relationship = 'me', relationshipOther = ''
		expect(ids(visibleFields(birthForm, answers))).not.toContain('relationshipOther');
		expect(validateAnswers(birthForm, answers, { today: TODAY })).toEqual({ ok: true, errors: [] });
	});

	it('shows and enforces the field when its condition holds', () => {
		const answers = { ...validAnswers(), relationship: 'khac' };
		expect(ids(visibleFields(birthForm, answers))).toContain('relationshipOther');
		const result = validateAnswers(birthForm, answers, { today: TODAY });
		expect(result.errors).toEqual([
			{
				path: 'relationshipOther',
				fieldId: 'relationshipOther',
				label: 'Quan hệ khác (ghi rõ)',
				message: 'Vui lòng nhập quan hệ khác (ghi rõ)'
			}
		]);
		expect(validateAnswers(birthForm, { ...answers, relationshipOther: 'Cô ruột' }, { today: TODAY }).ok).toBe(true);
	});

	it('hides a section and all its fields', () => {
		const answers = validAnswers();
		expect(visibleSections(birthForm, answers).map((s) => s.id)).not.toContain('invoice');
		expect(ids(visibleFields(birthForm, answers))).not.toContain('taxCode');
		const shown = { ...answers, wantsInvoice: true };
		expect(visibleSections(birthForm, shown).map((s) => s.id)).toContain('invoice');
		expect(validateAnswers(birthForm, shown, { today: TODAY }).errors.map((e) => e.message)).toEqual([
			'Vui lòng nhập mã số thuế'
		]);
		expect(validateAnswers(birthForm, { ...shown, taxCode: '0314409058' }, { today: TODAY }).ok).toBe(true);
	});

	it('ignores an answer left in a field that is now hidden', () => {
		const def = {
			...birthForm,
			sections: [
				{
					id: 's',
					title: 'S',
					fields: [
						{ id: 'a', type: 'checkbox' as const, label: 'A', required: false },
						{ id: 'b', type: 'text' as const, label: 'B', required: false, maxLength: 50, charset: 'any' as const, when: { field: 'a', equals: true } },
						{ id: 'c', type: 'text' as const, label: 'C', required: true, maxLength: 50, charset: 'any' as const, when: { field: 'b', filled: true } }
					]
				}
			]
		};
		// b still holds text, but a is unticked so b is hidden — and so c must be too.
		expect(ids(visibleFields(def, { a: false, b: 'cũ', c: '' }))).toEqual(['a']);
		expect(ids(visibleFields(def, { a: true, b: 'cũ', c: '' }))).toEqual(['a', 'b', 'c']);
	});

	it('skips a section whose every field is hidden', () => {
		const def = {
			...birthForm,
			sections: [
				{ id: 'status', title: 'Tình trạng', fields: [{ id: 'married', type: 'checkbox' as const, label: 'Đã ly hôn', required: false }] },
				{
					id: 'attachments',
					title: 'Giấy tờ kèm theo',
					fields: [{ id: 'proof', type: 'text' as const, label: 'Giấy tờ', required: true, maxLength: 50, charset: 'any' as const, when: { field: 'married', equals: true } }]
				}
			]
		};
		expect(visibleSections(def, { married: false }).map((s) => s.id)).toEqual(['status']);
		expect(visibleSections(def, { married: true }).map((s) => s.id)).toEqual(['status', 'attachments']);
	});
});
