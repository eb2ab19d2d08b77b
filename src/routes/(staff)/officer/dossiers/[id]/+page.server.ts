import { randomUUID } from 'node:crypto';
import { error, redirect } from '@sveltejs/kit';
import { dossierDeps, paymentDeps } from '$lib/server/context';
import { ApiError } from '$lib/server/http/api-error';
import { actionFailure, formValues } from '$lib/server/http/form-actions';
import { checkStaff } from '$lib/server/officer/access';
import { applyAction } from '$lib/server/workflow/actions';
import { declarationOf } from '$lib/server/workflow/declaration';
import { actionFromForm, counterPaymentFromForm } from '$lib/server/workflow/desk';
import { recordCounterPayment } from '$lib/server/payments/counter';
import { matchTransfer, unmatchedTransfers } from '$lib/server/payments/manual-match';
import { uploadOfficerFile } from '$lib/server/workflow/files';
import { officerDossier } from '$lib/server/workflow/inbox';
import type { Actions, PageServerLoad } from './$types';

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
		// Transfers no reference placed, of each open fee's amount: what the officer may match by hand.
		const amounts = [...new Set(dossier.obligations.filter((o) => o.state === 'pending').map((o) => o.amount))];
		const transfers = Object.fromEntries(await Promise.all(amounts.map(async (amount) => [amount, await unmatchedTransfers(db, { amount }, 20)] as const)));
		// One request id per rendering of the forms: a double click or a resent form is applied once.
		return { dossier, declaration: declarationOf(dossier), requestId: randomUUID(), transfers };
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
			return { done: answer.status };
		} catch (e) {
			return actionFailure(e, formValues(form));
		}
	},
	/** A fee received at the counter (cash or card) with its paper receipt's number: settled once. */
	pay: async ({ locals, params, request }) => {
		const account = staff(locals, params.id);
		const form = await request.formData();
		try {
			const obligation = await recordCounterPayment(await paymentDeps(), account, params.id, counterPaymentFromForm(form));
			return { paid: { obligationId: obligation.id, receiptNumber: obligation.payment?.providerRef ?? '' } };
		} catch (e) {
			return actionFailure(e, formValues(form));
		}
	},
	/** A bank transfer reconciliation could not place, matched by hand to an open fee: settled once. */
	match: async ({ locals, params, request }) => {
		const account = staff(locals, params.id);
		const form = await request.formData();
		try {
			await matchTransfer(await paymentDeps(), account, params.id, { obligationId: String(form.get('obligationId') ?? ''), transferId: String(form.get('transferId') ?? '') });
			return { matched: { transferId: String(form.get('transferId')) } };
		} catch (e) {
			return actionFailure(e, formValues(form));
		}
	}
};
