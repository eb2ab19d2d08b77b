/** "Xem/In tờ khai": the filled declaration as a PDF, built on the device (offline too). */
import type { Procedure } from '$lib/domain/procedure';
import type { CurrentUnits } from '$lib/domain/units';
import { evaluateCondition } from '$lib/domain/form-engine';
import { buildDeclarationPdf, buildFilledFileName } from './declaration';
import { loadFonts, saveBytes } from './download';
import { formatAnswer } from '$lib/domain/answer-format';

export async function buildFilledDeclaration(procedure: Procedure, answers: Record<string, unknown>, units?: CurrentUnits) {
	const conditions = new Map<string, NonNullable<(typeof procedure.form.sections)[number]['when']>>();
	for (const s of procedure.form.sections)
		for (const f of s.fields) {
			if (f.when) conditions.set(f.id, f.when);
			if (f.type === 'group') for (const sub of f.fields) if (sub.when) conditions.set(sub.id, sub.when);
		}
	const sectionWhen = new Map(procedure.form.sections.flatMap((s) => (s.when ? [[s.id, s.when] as const] : [])));
	return buildDeclarationPdf({
		procedure,
		fonts: await loadFonts(),
		answers,
		formatValue: (field, value) => (field.type === 'address' || field.type === 'attachment' ? formatAnswer(field, value, units) : undefined),
		isVisible: (id, scope) => {
			const c = conditions.get(id);
			return !c || evaluateCondition(c, scope);
		},
		isSectionVisible: (id, scope) => {
			const c = sectionWhen.get(id);
			return !c || evaluateCondition(c, scope);
		}
	});
}

export async function downloadFilledDeclaration(procedure: Procedure, answers: Record<string, unknown>, units?: CurrentUnits) {
	saveBytes(await buildFilledDeclaration(procedure, answers, units), buildFilledFileName(procedure));
}
