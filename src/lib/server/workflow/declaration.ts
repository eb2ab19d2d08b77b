/**
 * The declaration as the desk reads it: the form's sections, labels and answers laid out as
 * the citizen filled them (hidden sections and fields and empty answers left out; derived
 * values such as the date in words computed again; a repeating group as one block per item;
 * attachments are listed apart, with their files).
 */
import { formatAnswer } from '$lib/domain/answer-format';
import { visibleFields, visibleItemFields, visibleSections, type Answers } from '$lib/domain/form-engine/conditions';
import { derivedValues } from '$lib/domain/form-engine/derived';
import type { OfficerDossier } from '$lib/domain/wire/workflow';
import { getProcedure } from '../catalogue';
import { serverReference } from '../dossiers/reference';

export interface DeclarationRow {
	label: string;
	value: string;
}

export interface DeclarationSection {
	title: string;
	rows: DeclarationRow[];
}

export interface Declaration {
	title: string;
	sections: DeclarationSection[];
	/** What each attachment slot asked for ("Giấy chứng sinh"), by the slot's field id. */
	slotLabels: Record<string, string>;
}

export function declarationOf(dossier: Pick<OfficerDossier, 'procedure' | 'manifest'>): Declaration {
	const procedure = getProcedure(dossier.procedure.code);
	if (!procedure) return { title: dossier.procedure.name, sections: [], slotLabels: {} };
	const form = procedure.form;
	const answers = dossier.manifest.answers as Answers;
	const units = serverReference().units;
	const shown = new Set(visibleFields(form, answers).map((f) => f.id));
	const derived = derivedValues(form, answers);
	const sections = visibleSections(form, answers).map((section) => {
		const rows: DeclarationRow[] = [];
		for (const f of section.fields) {
			if (!shown.has(f.id) || f.type === 'attachment') continue;
			if (f.type === 'derived') rows.push({ label: f.label, value: derived[f.id] ?? '' });
			else if (f.type === 'group') {
				const items = Array.isArray(answers[f.id]) ? (answers[f.id] as Answers[]) : [];
				items.forEach((item, i) => {
					for (const sub of visibleItemFields(f, item, answers))
						if (sub.type !== 'attachment')
							rows.push({
								label: `${f.itemLabel} ${i + 1} — ${sub.label}`,
								value: sub.type === 'derived' ? (derived[`${f.id}.${i}.${sub.id}`] ?? '') : formatAnswer(sub, item[sub.id], units)
							});
				});
			} else if (f.type === 'checkbox' && section.fields.length === 1)
				// A pledge: its section's title, ticked or not (as the citizen's review shows it).
				rows.push({ label: section.title, value: answers[f.id] === true ? 'Đã cam đoan' : 'Chưa đánh dấu' });
			else rows.push({ label: f.label, value: formatAnswer(f, answers[f.id], units) });
		}
		return { title: section.title, rows: rows.filter((r) => r.value !== '') };
	});
	const slotLabels: Record<string, string> = {};
	for (const section of form.sections)
		for (const f of section.fields) {
			if (f.type === 'attachment') slotLabels[f.id] = f.label;
			if (f.type === 'group') for (const sub of f.fields) if (sub.type === 'attachment') slotLabels[sub.id] ??= sub.label;
		}
	return { title: form.title, sections: sections.filter((s) => s.rows.length), slotLabels };
}
