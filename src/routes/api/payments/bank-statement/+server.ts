import { json } from '@sveltejs/kit';
import { bankStatementSchema } from '$lib/domain/wire/payments';
import { dossierDeps } from '$lib/server/context';
import { parseWith, readJson, respond } from '$lib/server/http/respond';
import { checkBearer } from '$lib/server/integration/read';
import { BANK_STATEMENT, statementLines } from '$lib/server/payments/bank-statement';
import { reconcileStatement } from '$lib/server/payments/reconcile';
import type { RequestHandler } from './$types';

/** The fee account's bank pushes statement lines `{ lines: [{ transactionId, amount, description, at }] }`; each is reconciled once. */
export const POST: RequestHandler = ({ request }) =>
	respond(async () => {
		const { db, config } = await dossierDeps();
		checkBearer(request.headers.get('authorization'), config.bankStatementToken, BANK_STATEMENT);
		const statement = parseWith(bankStatementSchema, await readJson(request), 'invalid_input', 'Sao kê ngân hàng không hợp lệ');
		return json({ results: await reconcileStatement({ db, dataDir: config.dataDir }, statementLines(statement.lines), 'bank') });
	});
