/**
 * A payment of a financial obligation (nghĩa vụ tài chính, dossier status 6) as a state
 * machine. An obligation is what the agency asks for (amount and items); a payment is one
 * attempt to settle it through one method. Several attempts may exist (a cancelled card
 * payment, then a bank transfer), but at most one is ever `paid`: that is what settles the
 * obligation. Amounts are integers of đồng.
 */
export const paymentStates = ['pending', 'paid', 'failed', 'expired', 'refunded'] as const;
export type PaymentState = (typeof paymentStates)[number];

export const paymentMethods = ['vnpay', 'vietqr', 'counter'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

export const obligationStates = ['pending', 'paid', 'cancelled'] as const;
export type ObligationStateName = (typeof obligationStates)[number];

/**
 * pending → paid | failed | expired: the provider's verdict (or the clock);
 * paid → refunded: money given back (a duplicate payment, a withdrawn dossier).
 * failed, expired and refunded are final: a new attempt is a new payment.
 */
const transitions: Record<PaymentState, readonly PaymentState[]> = {
	pending: ['paid', 'failed', 'expired'],
	paid: ['refunded'],
	failed: [],
	expired: [],
	refunded: []
};

export function canTransitionPayment(from: PaymentState, to: PaymentState): boolean {
	return transitions[from].includes(to);
}

export const isFinalPaymentState = (s: PaymentState): boolean => transitions[s].length === 0;

export const paymentStateLabels: Record<PaymentState, string> = {
	pending: 'Đang chờ thanh toán',
	paid: 'Đã thanh toán',
	failed: 'Thanh toán không thành công',
	expired: 'Hết hạn thanh toán',
	refunded: 'Đã hoàn tiền'
};

export const obligationStateLabels: Record<ObligationStateName, string> = {
	pending: 'Chưa thanh toán',
	paid: 'Đã thanh toán',
	cancelled: 'Đã hủy'
};

export const paymentMethodLabels: Record<PaymentMethod, string> = {
	vnpay: 'Thanh toán trực tuyến qua VNPAY',
	vietqr: 'Chuyển khoản ngân hàng (VietQR)',
	counter: 'Nộp tại Bộ phận một cửa'
};

/** How long a started online payment stays open before it expires (VNPay's vnp_ExpireDate). */
export const PAYMENT_TTL_MINUTES = 15;
