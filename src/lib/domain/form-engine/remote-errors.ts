/**
 * Field messages that came back from the server (a refused dossier, 422) placed on the
 * draft's fields. The server runs the same form engine, so it mostly agrees with the page;
 * when it does not (the phone's clock is wrong, the catalogue was updated since the draft
 * was frozen, a unit was merged), the person must see the message on the field itself.
 *
 * A message stays only while the field still holds the value that was sent: once the
 * person changes it, the page's own validation takes over. Paths that are not answers of
 * this form (agency, delivery, attachments' blobs) are left to the submit panel.
 */
import type { FormDefinition } from '../form-definition';
import type { Answers } from './conditions';
import type { FormError } from './validate';

function valueAt(answers: Answers, segments: (string | number)[]): unknown {
	let v: unknown = answers;
	for (const s of segments) {
		if (typeof v !== 'object' || v === null) return undefined;
		v = (v as Record<string | number, unknown>)[s];
	}
	return v;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function remoteFieldErrors(
	def: FormDefinition,
	fields: Record<string, string> | undefined,
	sent: Answers,
	current: Answers
): FormError[] {
	if (!fields) return [];
	const byId = new Map(def.sections.flatMap((s) => s.fields).map((f) => [f.id, f]));
	const errors: FormError[] = [];
	for (const [path, message] of Object.entries(fields)) {
		const segments = path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
		const field = byId.get(String(segments[0]));
		if (!field) continue;
		let label = field.label;
		let fieldId = field.id;
		if (segments.length === 3 && field.type === 'group' && typeof segments[1] === 'number') {
			const sub = field.fields.find((f) => f.id === segments[2]);
			if (!sub) continue;
			label = sub.label;
			fieldId = sub.id;
		} else if (segments.length !== 1) continue;
		if (!same(valueAt(sent, segments), valueAt(current, segments))) continue;
		errors.push({ path, segments, fieldId, label, message });
	}
	// In form order, as the page lists its own errors.
	const order = [...byId.keys()];
	return errors.sort((a, b) => order.indexOf(String(a.segments[0])) - order.indexOf(String(b.segments[0])));
}
