/**
 * Whole-form validation. Only visible fields are checked; answers are never changed or
 * dropped (a hidden field keeps what was typed in case it is shown again). The same zod
 * schema runs in the page, the service worker and the server.
 */
import * as z from 'zod/mini';
import type { FormDefinition, GroupField } from '../form-definition';
import { formatCount, isEmptyAnswer, labelInSentence, requiredMessage } from '../validators';
import { visibleFields, visibleItemFields, type Answers } from './conditions';
import { unknownAnswerErrors } from './known-answers';
import { validateField, type EngineOptions } from './validate-field';

export interface FormError {
	/** Dotted path for the error summary and element ids: "fullName", "children.0.fullName". */
	path: string;
	/** The same path as zod path segments. */
	segments: (string | number)[];
	/** The field the message is about (the sub-field inside a group). */
	fieldId: string;
	label: string;
	message: string;
}

const isRecord = (v: unknown): v is Answers => typeof v === 'object' && v !== null && !Array.isArray(v);

function groupErrors(group: GroupField, value: unknown, answers: Answers, opts: EngineOptions): FormError[] {
	const at = (segments: (string | number)[], fieldId: string, label: string, message: string): FormError => ({
		path: segments.join('.'),
		segments,
		fieldId,
		label,
		message
	});
	const own = (message: string) => [at([group.id], group.id, group.label, message)];
	if (isEmptyAnswer(value)) return group.required ? own(requiredMessage(group)) : [];
	if (!Array.isArray(value) || !value.every(isRecord))
		return own(`Danh sách "${group.label}" không đúng dạng; hãy nhập lại`);
	const item = labelInSentence(group.itemLabel);
	if (value.length < group.min)
		return own(`Cần ít nhất ${formatCount(group.min)} ${item} (đang có ${formatCount(value.length)})`);
	if (value.length > group.max)
		return own(`Tối đa ${formatCount(group.max)} ${item} (đang có ${formatCount(value.length)}); hãy bỏ bớt`);

	const errors: FormError[] = [];
	value.forEach((entry, index) => {
		const scope = { ...answers, ...entry };
		for (const sub of visibleItemFields(group, entry, answers)) {
			const message = validateField(sub, entry[sub.id], scope, opts);
			if (message) errors.push(at([group.id, index, sub.id], sub.id, sub.label, message));
		}
	});
	return errors;
}

/** Every problem in the visible part of the form, in form order. */
export function collectErrors(def: FormDefinition, answers: Answers, opts: EngineOptions = {}): FormError[] {
	const errors: FormError[] = [];
	for (const field of visibleFields(def, answers)) {
		if (field.type === 'group') {
			errors.push(...groupErrors(field, answers[field.id], answers, opts));
			continue;
		}
		const message = validateField(field, answers[field.id], answers, opts);
		if (message) errors.push({ path: field.id, segments: [field.id], fieldId: field.id, label: field.label, message });
	}
	return errors;
}

/**
 * A zod schema for a form's answers. Parsing returns the answers unchanged; issues carry
 * `path: [fieldId]` or `[groupId, index, subFieldId]` and the Vietnamese message.
 */
export function buildAnswersSchema(def: FormDefinition, opts: EngineOptions = {}) {
	return z.record(z.string(), z.unknown(), { error: 'Dữ liệu tờ khai không đúng dạng; hãy mở lại tờ khai và lưu lại' }).check(
		z.superRefine((answers, ctx) => {
			for (const e of [...unknownAnswerErrors(def, answers), ...collectErrors(def, answers, opts)]) ctx.addIssue({ code: 'custom', path: e.segments, message: e.message });
		})
	);
}

export interface ValidationResult {
	ok: boolean;
	errors: { path: string; fieldId: string; label: string; message: string }[];
}

/** What the device checks before sending and the server on receipt: the visible fields, and no answer the form has no field for. */
export function validateAnswers(def: FormDefinition, answers: Answers, opts: EngineOptions = {}): ValidationResult {
	const errors = [...unknownAnswerErrors(def, answers), ...collectErrors(def, answers, opts)].map(({ path, fieldId, label, message }) => ({ path, fieldId, label, message }));
	return { ok: errors.length === 0, errors };
}
