/**
 * The desk's form actions: a submitted form translated into an action request.
 */
import { randomUUID } from 'node:crypto';

/** A form post of the desk → the action request body (the same schema then checks it). */
export function actionFromForm(form: FormData, result?: { sha256: string; name: string }): Record<string, unknown> {
	const text = (k: string) => {
		const v = form.get(k);
		return typeof v === 'string' ? v : undefined;
	};
	const action = text('action');
	const body: Record<string, unknown> = { requestId: text('requestId') ?? randomUUID(), action, note: text('note') || undefined };
	const expected = Number(text('expectedStatus'));
	if (expected) body.expectedStatus = expected;
	if (action === 'refuse' || action === 'stop') body.reason = text('reason') ?? '';
	if (action === 'request-supplement') {
		body.missing = (text('missing') ?? '').split('\n').map((s) => s.trim()).filter(Boolean);
		body.note = text('note') ?? '';
	}
	if (action === 'request-payment') {
		const amount = Number((text('amount') ?? '').replace(/[.\s,]/g, ''));
		body.amount = amount;
		body.items = [{ name: text('feeName') || 'Phí, lệ phí', amount }];
	}
	if (action === 'extend') {
		body.newDate = text('newDate') ?? '';
		body.apology = text('apology') ?? '';
	}
	if (action === 'finish' && result) body.result = result;
	if (action === 'return' && text('trackingNumber')) body.trackingNumber = text('trackingNumber');
	return body;
}

/** The desk's "Ghi nhận đã thu tại quầy" form → the counter payment request (the same schema then checks it). */
export function counterPaymentFromForm(form: FormData): Record<string, unknown> {
	const text = (k: string) => {
		const v = form.get(k);
		return typeof v === 'string' ? v : undefined;
	};
	return { obligationId: text('obligationId') ?? '', tender: text('tender'), receiptNumber: text('receiptNumber') ?? '' };
}
