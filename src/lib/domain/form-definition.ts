/**
 * The schema of a procedure's declaration form ("tờ khai") as data.
 * The form engine (form-engine.ts) turns a definition into a validator,
 * a visibility function and derived values; the PDF builder renders it.
 */
import { z } from 'zod';
import { attachmentTypes, fieldIdSchema } from './wire/primitives';

import { autofillKeys } from './autofill-keys';
export { autofillKeys };
export const autofillKeySchema = z.enum(autofillKeys);
export type AutofillKey = z.infer<typeof autofillKeySchema>;

/** A condition on other answers: when it holds, the field/section is shown (and validated). */
export type Condition =
	| { field: string; equals: string | number | boolean }
	| { field: string; in: (string | number)[] }
	| { field: string; filled: boolean }
	| { all: Condition[] }
	| { any: Condition[] }
	| { not: Condition };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
	z.union([
		z.strictObject({ field: z.string(), equals: z.union([z.string(), z.number(), z.boolean()]) }),
		z.strictObject({ field: z.string(), in: z.array(z.union([z.string(), z.number()])).min(1) }),
		z.strictObject({ field: z.string(), filled: z.boolean() }),
		z.strictObject({ all: z.array(conditionSchema).min(1) }),
		z.strictObject({ any: z.array(conditionSchema).min(1) }),
		z.strictObject({ not: conditionSchema })
	])
);

export const optionSchema = z.strictObject({ value: z.string().min(1), label: z.string().min(1) });

const base = {
	id: fieldIdSchema,
	label: z.string().min(1),
	hint: z.string().optional(),
	required: z.boolean().default(false),
	when: conditionSchema.optional(),
	autofill: autofillKeySchema.optional()
};

export const textFieldSchema = z.strictObject({
	...base,
	type: z.literal('text'),
	maxLength: z.number().int().positive().default(200),
	/** Characters a person may type: 'name' allows letters (with diacritics), spaces, ' and - only. */
	charset: z.enum(['any', 'name', 'digits']).default('any')
});
export const textareaFieldSchema = z.strictObject({
	...base,
	type: z.literal('textarea'),
	maxLength: z.number().int().positive().default(2000)
});
export const numberFieldSchema = z.strictObject({
	...base,
	type: z.literal('number'),
	min: z.number().optional(),
	max: z.number().optional(),
	integer: z.boolean().default(true),
	unit: z.string().optional()
});
export const dateFieldSchema = z.strictObject({
	...base,
	type: z.literal('date'),
	/** 'past' = today or earlier (birth dates, issue dates). */
	range: z.enum(['any', 'past', 'future']).default('any'),
	/** Only the year is asked (the birth form asks "Năm sinh" of the parents). */
	yearOnly: z.boolean().default(false)
});
export const choiceFieldSchema = z.strictObject({
	...base,
	type: z.enum(['select', 'radio']),
	options: z.array(optionSchema).min(1)
});
export const checkboxesFieldSchema = z.strictObject({
	...base,
	type: z.literal('checkboxes'),
	options: z.array(optionSchema).min(1)
});
/** A single yes/no box, e.g. "Tôi cam đoan ...". required = must be ticked. */
export const checkboxFieldSchema = z.strictObject({ ...base, type: z.literal('checkbox') });
export const idNumberFieldSchema = z.strictObject({
	...base,
	type: z.literal('id-number'),
	/** Another field (a date) holding the holder's date of birth, to cross-check the century/sex digit. */
	dateOfBirthField: z.string().optional(),
	/** Another field holding the holder's sex ('nam' | 'nu'), to cross-check the sex digit. */
	sexField: z.string().optional()
});
export const phoneFieldSchema = z.strictObject({ ...base, type: z.literal('phone') });
export const emailFieldSchema = z.strictObject({ ...base, type: z.literal('email') });
export const taxCodeFieldSchema = z.strictObject({ ...base, type: z.literal('tax-code') });
export const addressFieldSchema = z.strictObject({
	...base,
	type: z.literal('address'),
	/** Whether street/house number is asked (a residence is; a place of birth is not). */
	withStreet: z.boolean().default(true)
});
/** A value computed from other answers, shown read-only (e.g. date of birth in words). */
export const derivedFieldSchema = z.strictObject({
	...base,
	type: z.literal('derived'),
	from: z.string(),
	derive: z.enum(['date-in-words'])
});
/** A slot for an attached document; `document` names the required document it satisfies. */
export const attachmentFieldSchema = z.strictObject({
	...base,
	type: z.literal('attachment'),
	document: z.string().optional(),
	accept: z.array(z.enum(attachmentTypes)).default([...attachmentTypes]),
	maxFiles: z.number().int().positive().default(5)
});

export const scalarFieldSchema = z.discriminatedUnion('type', [
	textFieldSchema,
	textareaFieldSchema,
	numberFieldSchema,
	dateFieldSchema,
	choiceFieldSchema,
	checkboxesFieldSchema,
	checkboxFieldSchema,
	idNumberFieldSchema,
	phoneFieldSchema,
	emailFieldSchema,
	taxCodeFieldSchema,
	addressFieldSchema,
	derivedFieldSchema,
	attachmentFieldSchema
]);

/** A repeating group: several family members, several copies, etc. */
export const groupFieldSchema = z.strictObject({
	...base,
	type: z.literal('group'),
	itemLabel: z.string().min(1),
	min: z.number().int().min(0).default(0),
	max: z.number().int().positive().default(10),
	fields: z.array(scalarFieldSchema).min(1)
});

export const fieldSchema = z.union([scalarFieldSchema, groupFieldSchema]);

export const sectionSchema = z.strictObject({
	id: fieldIdSchema,
	title: z.string().min(1),
	description: z.string().optional(),
	when: conditionSchema.optional(),
	fields: z.array(fieldSchema).min(1)
});

export const formDefinitionSchema = z
	.strictObject({
		/** Title printed on the declaration, e.g. "TỜ KHAI ĐĂNG KÝ KHAI SINH". */
		title: z.string().min(1),
		/** The legal form it follows, e.g. "Mẫu ban hành kèm theo Thông tư 04/2024/TT-BTP". */
		template: z.string().min(1),
		/** "Kính gửi: ..." line. */
		addressee: z.string().optional(),
		sections: z.array(sectionSchema).min(1)
	})
	.superRefine((form, ctx) => {
		const ids = new Set<string>();
		for (const [si, section] of form.sections.entries()) {
			for (const [fi, field] of section.fields.entries()) {
				if (ids.has(field.id))
					ctx.addIssue({
						code: 'custom',
						path: ['sections', si, 'fields', fi, 'id'],
						message: `trùng id trường "${field.id}"`
					});
				ids.add(field.id);
			}
		}
		// Every reference (condition, derived source, cross-check) must name a real field.
		const check = (ref: string | undefined, path: (string | number)[]) => {
			if (ref !== undefined && !ids.has(ref))
				ctx.addIssue({ code: 'custom', path, message: `tham chiếu tới trường không tồn tại "${ref}"` });
		};
		const walk = (c: Condition | undefined, path: (string | number)[]) => {
			if (!c) return;
			if ('field' in c) check(c.field, [...path, 'field']);
			else if ('all' in c) c.all.forEach((x, i) => walk(x, [...path, 'all', i]));
			else if ('any' in c) c.any.forEach((x, i) => walk(x, [...path, 'any', i]));
			else walk(c.not, [...path, 'not']);
		};
		for (const [si, section] of form.sections.entries()) {
			walk(section.when, ['sections', si, 'when']);
			for (const [fi, field] of section.fields.entries()) {
				const p = ['sections', si, 'fields', fi];
				walk(field.when, [...p, 'when']);
				if (field.type === 'derived') check(field.from, [...p, 'from']);
				if (field.type === 'id-number') {
					check(field.dateOfBirthField, [...p, 'dateOfBirthField']);
					check(field.sexField, [...p, 'sexField']);
				}
			}
		}
	});

export type FormDefinition = z.infer<typeof formDefinitionSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type Field = z.infer<typeof fieldSchema>;
export type ScalarField = z.infer<typeof scalarFieldSchema>;
export type GroupField = z.infer<typeof groupFieldSchema>;
