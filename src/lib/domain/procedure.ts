/**
 * A procedure of the national catalogue of administrative procedures (CSDLQG về TTHC),
 * as shipped in data/procedures/*.json and served by /api/procedures.
 */
import { z } from 'zod';
import { conditionSchema, formDefinitionSchema, type Condition } from './form-definition';
import { deliveryOptions, onlineLevels, tiers } from './labels';
import { procedureCodeSchema } from './wire/primitives';

export * from './labels';

export const tierSchema = z.enum(tiers);
export const onlineLevelSchema = z.enum(onlineLevels);
export type OnlineLevel = z.infer<typeof onlineLevelSchema>;

export const documentSchema = z.strictObject({
	name: z.string().min(1),
	/** original = bản chính, copy = bản sao, certified-copy = bản sao chứng thực, present = xuất trình */
	kind: z.enum(['original', 'copy', 'certified-copy', 'present']),
	count: z.number().int().min(0),
	/** The declaration / a form template the citizen fills. */
	isForm: z.boolean().default(false),
	required: z.boolean().default(true),
	note: z.string().optional()
});

export const processingTimeSchema = z.discriminatedUnion('kind', [
	/** Result within N working days from receipt. */
	z.strictObject({ kind: z.literal('working-days'), days: z.number().int().positive(), note: z.string().optional() }),
	/** Result on the day of receipt; received after the cut-off hour → next working day. */
	z.strictObject({
		kind: z.literal('same-day'),
		cutoffHour: z.number().int().min(0).max(23).default(15),
		note: z.string().optional()
	})
]);
export type ProcessingTime = z.infer<typeof processingTimeSchema>;

export const feeSchema = z.strictObject({
	name: z.string().min(1),
	/** Amount in đồng; 0 = free. */
	amountVnd: z.number().int().min(0),
	/** e.g. "bản", "trang"; shown as "8.000 đồng/bản". */
	unit: z.string().optional(),
	note: z.string().optional(),
	/** le-phi (lệ phí) or phi (phí); read from the name ("Lệ phí …") when absent. */
	kind: z.enum(['le-phi', 'phi']).optional(),
	/** Per copy: the form field holding the number of copies; absent = once per case. */
	quantityField: z.string().optional(),
	/** Charged only when this holds on the answers (e.g. copies were asked for). */
	appliesWhen: conditionSchema.optional(),
	/** The rate of one channel only (residence fees differ online and at the counter). */
	channel: z.enum(['online', 'counter']).optional(),
	/** Waived when the person's answers show an exempt situation; `reason` cites the rule. */
	exemptWhen: z.strictObject({ condition: conditionSchema, reason: z.string().min(1) }).optional()
});
export type Fee = z.infer<typeof feeSchema>;

export const deliverySchema = z.enum(deliveryOptions);
export type Delivery = z.infer<typeof deliverySchema>;

export const sourceSchema = z.strictObject({ title: z.string().min(1), url: z.url().optional() });

export const procedureSchema = z
	.strictObject({
		code: procedureCodeSchema,
		name: z.string().min(1),
		/**
		 * The name in English, for people using the app in English: shown beside the official
		 * (Vietnamese) name, which stays what the agency reads, and searched.
		 */
		nameEn: z.string().min(1).optional(),
		/**
		 * Words people type for it, without the official phrasing ("lam giay khai sinh",
		 * "đăng ký kết hôn"), in Vietnamese and in English ("birth certificate").
		 */
		keywords: z.array(z.string()).default([]),
		field: z.string().min(1),
		tier: tierSchema,
		agency: z.strictObject({
			/** Agency kind id, used by the filter and to pick the receiving agency (data/agencies.json). */
			id: z.string().regex(/^[a-z0-9-]+$/),
			name: z.string().min(1)
		}),
		onlineLevel: onlineLevelSchema,
		/** One line on who uses it and why. */
		summary: z.string().min(1),
		steps: z.array(z.string().min(1)).min(1),
		documents: z.array(documentSchema).min(1),
		processingTime: processingTimeSchema,
		fees: z.array(feeSchema),
		feeExemptions: z.array(z.string()).default([]),
		result: z.strictObject({ name: z.string().min(1), delivery: z.array(deliverySchema).min(1) }),
		conditions: z.array(z.string()).default([]),
		legalBasis: z.array(z.string().min(1)).min(1),
		sources: z.array(sourceSchema).min(1),
		form: formDefinitionSchema
	})
	.superRefine((p, ctx) => {
		checkFeeReferences(p, ctx);
		if (p.result.delivery.includes('online') && p.onlineLevel !== 'toan-trinh')
			ctx.addIssue({
				code: 'custom',
				path: ['result', 'delivery'],
				message: 'chỉ thủ tục toàn trình mới trả kết quả trực tuyến'
			});
	});

export type Procedure = z.infer<typeof procedureSchema>;

/** Fee rules may only name fields of the procedure's own form. */
function checkFeeReferences(p: { fees: Fee[]; form: { sections: { fields: { id: string }[] }[] } }, ctx: z.RefinementCtx) {
	const ids = new Set(p.form.sections.flatMap((s) => s.fields.map((f) => f.id)));
	const fieldsOf = (c: Condition | undefined): string[] =>
		!c ? [] : 'field' in c ? [c.field] : 'all' in c ? c.all.flatMap(fieldsOf) : 'any' in c ? c.any.flatMap(fieldsOf) : fieldsOf(c.not);
	p.fees.forEach((fee, i) => {
		const refs = [fee.quantityField, ...fieldsOf(fee.appliesWhen), ...fieldsOf(fee.exemptWhen?.condition)];
		for (const ref of refs)
			if (ref !== undefined && !ids.has(ref))
				ctx.addIssue({ code: 'custom', path: ['fees', i], message: `phí tham chiếu tới trường không tồn tại "${ref}"` });
	});
}
export type ProcedureInput = z.input<typeof procedureSchema>;

// The list view and `toSummary` live apart, free of zod: the service worker and the catalogue
// page need them, not the schema above.
export { toSummary, type ProcedureSummary } from './procedure-summary';

/**
 * Validate a list of raw catalogue entries; the error names the entry and the field,
 * e.g. `1.001193 (khai-sinh.json) › form.sections.0.fields.3.type: ...`.
 */
export function parseCatalogue(entries: { file: string; data: unknown }[]): Procedure[] {
	const problems: string[] = [];
	const out: Procedure[] = [];
	const codes = new Set<string>();
	for (const { file, data } of entries) {
		const r = procedureSchema.safeParse(data);
		const label = `${(data as { code?: string })?.code ?? '?'} (${file})`;
		if (!r.success) {
			for (const issue of r.error.issues)
				problems.push(`${label} › ${issue.path.join('.') || '(gốc)'}: ${issue.message}`);
			continue;
		}
		if (codes.has(r.data.code)) problems.push(`${label} › code: trùng mã thủ tục ${r.data.code}`);
		codes.add(r.data.code);
		out.push(r.data);
	}
	if (problems.length) throw new Error(`Dữ liệu thủ tục không hợp lệ:\n  ${problems.join('\n  ')}`);
	return out;
}
