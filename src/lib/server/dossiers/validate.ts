/**
 * Everything about a submission that can be checked without the database: the manifest's
 * shape, the procedure, the receiving agency, the delivery choice, the form answers (with the
 * same form engine the page uses) and that attachments match the form's attachment slots.
 */
import { dossierManifestSchema, type DossierManifest } from '$lib/domain/wire/dossiers';
import { fieldErrors } from '$lib/domain/wire/errors';
import type { Field } from '$lib/domain/form-definition';
import { validateAnswers } from '$lib/domain/form-engine';
import { deliveryLabels, type Procedure } from '$lib/domain/procedure';
import { checkAddress, type CurrentUnits } from '$lib/domain/units';
import type { AgencyDirectory, DirectoryAgency } from '$lib/domain/agency-directory';
import { isCompetent, placesFromAnswers, routeDossier } from '$lib/domain/routing';
import { ApiError } from '../http/api-error';
import { summarizeFields as summarize } from '$lib/domain/wire/errors';

export function parseManifest(body: unknown): DossierManifest {
	const parsed = dossierManifestSchema.safeParse(body);
	if (!parsed.success) {
		const fields = fieldErrors(parsed.error);
		throw new ApiError('invalid_manifest', summarize(fields, 'Dữ liệu hồ sơ không hợp lệ'), { fields });
	}
	return parsed.data;
}

export interface Reference {
	getProcedure(code: string): Procedure | undefined;
	findAgency(code: string): DirectoryAgency | undefined;
	directory: AgencyDirectory;
	units: CurrentUnits;
}

export interface CheckedSubmission {
	procedure: Procedure;
	agency: DirectoryAgency;
}

export function checkSubmission(manifest: DossierManifest, ref: Reference, today: Date): CheckedSubmission {
	const procedure = ref.getProcedure(manifest.procedureCode);
	if (!procedure)
		throw new ApiError('unknown_procedure', `Không có thủ tục mã ${manifest.procedureCode}; hãy chọn lại thủ tục trong danh mục.`, { fields: {
			procedureCode: 'Mã thủ tục không có trong danh mục'
		} });

	const agency = ref.findAgency(manifest.agencyCode);
	if (!agency || agency.kind !== procedure.agency.id)
		throw new ApiError('unknown_agency', `Cơ quan mã ${manifest.agencyCode} không tiếp nhận thủ tục "${procedure.name}"; hãy chọn ${procedure.agency.name.toLowerCase()} nơi nộp hồ sơ.`, { fields: { agencyCode: `Hãy chọn một ${procedure.agency.name.toLowerCase()}` } });

	checkDelivery(manifest, procedure, ref.units);

	const result = validateAnswers(procedure.form, manifest.answers, { units: ref.units, today });
	if (!result.ok) {
		const fields = Object.fromEntries(result.errors.map((e) => [e.path, e.message]));
		throw new ApiError('invalid_answers', summarize(fields, 'Tờ khai chưa hợp lệ'), { fields });
	}

	checkAttachmentSlots(manifest, procedure);
	checkCompetence(manifest, procedure, agency, ref);
	return { procedure, agency };
}

/** The agency must be one the law names for this procedure and the places in the answers. */
function checkCompetence(manifest: DossierManifest, procedure: Procedure, agency: DirectoryAgency, ref: Reference) {
	const routing = routeDossier(procedure, ref.directory, ref.units, placesFromAnswers(procedure.code, manifest.answers));
	if (isCompetent(routing, agency)) return;
	const choices = routing.options.map((o) => `${o.agency.name} (${o.reason})`).join(' hoặc ');
	const message = routing.problem
		? `${agency.name} không tiếp nhận được hồ sơ này: ${routing.problem}`
		: `${agency.name} không có thẩm quyền giải quyết hồ sơ "${procedure.name}" này (${routing.basis}); hãy chọn ${choices}.`;
	throw new ApiError('agency_not_competent', message, { fields: { agencyCode: routing.problem ?? `Hãy chọn ${choices}` } });
}

function checkDelivery(manifest: DossierManifest, procedure: Procedure, units: CurrentUnits) {
	const method = manifest.delivery.method;
	// Decree 42/2022/NĐ-CP: only a "toàn trình" procedure returns its result online.
	if (method === 'online' && procedure.onlineLevel !== 'toan-trinh')
		throw new ApiError('invalid_delivery', `Thủ tục "${procedure.name}" không trả kết quả trực tuyến; hãy chọn nhận tại bộ phận một cửa hoặc qua bưu điện.`, { fields: {
			delivery: 'Chỉ thủ tục toàn trình mới nhận kết quả trực tuyến'
		} });
	if (!procedure.result.delivery.includes(method)) {
		const allowed = procedure.result.delivery.map((d) => deliveryLabels[d].toLowerCase()).join(', ');
		throw new ApiError('invalid_delivery', `Thủ tục "${procedure.name}" chỉ trả kết quả theo cách: ${allowed}.`, { fields: {
			delivery: `Hãy chọn: ${allowed}`
		} });
	}
	if (manifest.delivery.method === 'post') {
		const problem = checkAddress(units, manifest.delivery.address);
		if (problem) throw new ApiError('invalid_delivery', problem, { fields: { 'delivery.address': problem } });
	}
}

const attachmentFields = (procedure: Procedure): Field[] =>
	procedure.form.sections.flatMap((s) => s.fields).filter((f) => f.type === 'attachment');

/**
 * `attachments` lists exactly the files the answers' attachment fields hold, slot by slot,
 * so the officer sees every file the citizen attached and nothing else.
 */
function checkAttachmentSlots(manifest: DossierManifest, procedure: Procedure) {
	const fields: Record<string, string> = {};
	const slots = new Map(attachmentFields(procedure).map((f) => [f.id, f]));
	const listed = new Set<string>();
	manifest.attachments.forEach((a, i) => {
		listed.add(`${a.slot}/${a.sha256}`);
		if (!slots.has(a.slot)) fields[`attachments.${i}.slot`] = `Tờ khai không có mục đính kèm "${a.slot}"`;
	});
	for (const [id, field] of slots) {
		const answer = manifest.answers[id];
		if (!Array.isArray(answer)) continue;
		for (const file of answer as { sha256?: string; name?: string }[])
			if (!listed.has(`${id}/${file.sha256}`))
				fields[id] = `Tệp "${file.name ?? ''}" của mục "${field.label}" chưa có trong danh sách tệp gửi kèm; hãy gửi lại hồ sơ`;
	}
	if (Object.keys(fields).length)
		throw new ApiError('invalid_manifest', summarize(fields, 'Danh sách tệp đính kèm không khớp tờ khai'), { fields });
}
