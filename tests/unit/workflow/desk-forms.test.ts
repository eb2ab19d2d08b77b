import { describe, expect, it } from 'vitest';
import { actionFromForm, counterPaymentFromForm } from '$lib/server/workflow/desk';

const formOf = (values: Record<string, string>) => {
	const form = new FormData();
	for (const [k, v] of Object.entries(values)) form.set(k, v);
	return form;
};

describe('the desk’s forms as API requests', () => {
	it('hands over by post with the postal item number typed, and without one when none was typed', () => {
		const requestId = crypto.randomUUID();
		expect(actionFromForm(formOf({ requestId, action: 'return', expectedStatus: '9', trackingNumber: 'eb123456789vn' }))).toEqual({ requestId, action: 'return', expectedStatus: 9, note: undefined, trackingNumber: 'eb123456789vn' });
		expect(actionFromForm(formOf({ requestId, action: 'return', trackingNumber: '' }))).not.toHaveProperty('trackingNumber');
		// Only the return takes a tracking number.
		expect(actionFromForm(formOf({ requestId, action: 'accept', trackingNumber: 'EB123456789VN' }))).not.toHaveProperty('trackingNumber');
	});

	it('reads a counter payment as typed, leaving the checks to the shared schema', () => {
		expect(counterPaymentFromForm(formOf({ action: 'pay', obligationId: 'ob-1', tender: 'card', receiptNumber: ' BL-2026/15 ' }))).toEqual({ obligationId: 'ob-1', tender: 'card', receiptNumber: ' BL-2026/15 ' });
		expect(counterPaymentFromForm(formOf({}))).toEqual({ obligationId: '', tender: undefined, receiptNumber: '' });
	});
});
