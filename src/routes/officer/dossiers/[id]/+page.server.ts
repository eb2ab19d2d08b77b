import { randomUUID } from 'node:crypto';
import { error, redirect } from '@sveltejs/kit';
import { dossierDeps } from '$lib/server/context';
import { ApiError } from '$lib/server/http/api-error';
import { actionFailure, formValues } from '$lib/server/http/form-actions';
import { checkStaff } from '$lib/server/officer/access';
import { applyAction } from '$lib/server/workflow/actions';
import { formatAnswer } from '$lib/client/pdf/answer-format';
import { visibleSections } from '$lib/domain/form-engine/conditions';
import type { OfficerDossier } from '$lib/domain/wire/workflow';
import { getProcedure } from '$lib/server/catalogue';
import { serverReference } from '$lib/server/dossiers/reference';
import { actionFromForm } from '$lib/server/workflow/desk';
import { uploadOfficerFile } from '$lib/server/workflow/files';
import { officerDossier } from '$lib/server/workflow/inbox';
import type { Actions, PageServerLoad } from './$types';

/** The declaration laid out as the form defines it: sections, labels, answers as a person reads them. */
export interface DeclarationSection {
	title: string;
	rows: { label: string; value: string }[];
}

export function declarationOf(dossier: OfficerDossier): { title: string; sections: DeclarationSection[] } {
	const procedure = getProcedure(dossier.procedure.code);
	if (!procedure) return { title: dossier.procedure.name, sections: [] };
	const answers = dossier.manifest.answers as Record<string, unknown>;
	const units = serverReference().units;
	const sections = visibleSections(procedure.form, answers as never).map((section) => ({
		title: section.title,
		rows: section.fields
			.filter((f) => f.type !== 'attachment')
			.map((f) => ({ label: f.label, value: formatAnswer(f, answers[f.id], units) }))
			.filter((r) => r.value !== '')
	}));
	return { title: procedure.form.title, sections: sections.filter((s) => s.rows.length) };
}

function staff(locals: App.Locals, id: string) {
	const check = checkStaff(locals.account);
	if (!check.ok && check.status === 401) redirect(303, `/signin?next=/officer/dossiers/${id}`);
	if (!check.ok) error(check.status, check.message);
	return check.account;
}

export const load: PageServerLoad = async ({ locals, params, setHeaders }) => {
	const account = staff(locals, params.id);
	setHeaders({ 'cache-control': 'no-store' });
	const { db } = await dossierDeps();
	try {
		const dossier = await officerDossier(db, account, params.id);
		// One request id per rendering of the forms: a double click or a resent form is applied once.
		return { dossier, declaration: declarationOf(dossier), requestId: randomUUID() };
	} catch (e) {
		if (e instanceof ApiError) error(e.status, e.message);
		throw e;
	}
};

export const actions: Actions = {
	act: async ({ locals, params, request }) => {
		const account = staff(locals, params.id);
		const deps = await dossierDeps();
		const form = await request.formData();
		try {
			let result: { sha256: string; name: string } | undefined;
			const file = form.get('resultFile');
			if (form.get('action') === 'finish' && file instanceof File && file.size > 0) {
				const stored = await uploadOfficerFile(
					{ db: deps.db, dataDir: deps.config.dataDir, maxFileBytes: deps.config.upload.maxFileBytes },
					account,
					params.id,
					new Uint8Array(await file.arrayBuffer()),
					file.name
				);
				result = { sha256: stored.sha256, name: stored.name };
			}
			const answer = await applyAction(deps, account, params.id, actionFromForm(form, result));
			return { done: answer.status.name };
		} catch (e) {
			return actionFailure(e, formValues(form));
		}
	}
};
