import { dossierDeps } from '$lib/server/context';
import { ApiError } from '$lib/server/http/api-error';
import { actionFailure } from '$lib/server/http/form-actions';
import { requireAdminPage } from '$lib/server/officer/access';
import { csvStatementLines } from '$lib/server/payments/bank-statement';
import { unmatchedTransfers } from '$lib/server/payments/manual-match';
import { reconcileStatement } from '$lib/server/payments/reconcile';
import type { Actions, PageServerLoad } from './$types';

/** The largest statement file read (500 lines of at most ~600 characters). */
const MAX_STATEMENT_BYTES = 400 * 1024;

const requireAdmin = (locals: App.Locals) => requireAdminPage(locals.account, '/admin/bank-statement', 'Chỉ quản trị viên mới được nhập sao kê ngân hàng.');

export const load: PageServerLoad = async ({ locals, setHeaders }) => {
	requireAdmin(locals);
	setHeaders({ 'cache-control': 'no-store' });
	const { config, db } = await dossierDeps();
	return { account: config.vietqr ?? null, unmatched: await unmatchedTransfers(db) };
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const admin = requireAdmin(locals);
		const form = await request.formData();
		const file = form.get('file');
		const pasted = String(form.get('statement') ?? '');
		try {
			const text = file instanceof File && file.size > 0 ? (file.size > MAX_STATEMENT_BYTES ? tooLarge() : await file.text()) : pasted;
			const { db, config } = await dossierDeps();
			return { results: await reconcileStatement({ db, dataDir: config.dataDir }, csvStatementLines(text), admin.id) };
		} catch (e) {
			return actionFailure(e, { statement: pasted.slice(0, MAX_STATEMENT_BYTES) });
		}
	}
};

function tooLarge(): never {
	throw new ApiError('invalid_input', 'Tệp sao kê quá lớn (tối đa 400 KB, 500 giao dịch); hãy chia thành nhiều tệp.', { fields: { file: 'Tệp quá lớn' } });
}
