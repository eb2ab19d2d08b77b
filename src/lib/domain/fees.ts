/**
 * What a dossier costs: the catalogue's fee items (lệ phí, phí) applied to the person's
 * answers. An item is charged per case or per copy (the count read from a form field), only
 * when its condition holds (copies asked for), at the rate of the channel the dossier came
 * through (residence fees are lower online, Thông tư 75/2022/TT-BTC), and is waived when the
 * person's situation as answered matches an exemption (Điều 11 Luật Hộ tịch; Thông tư
 * 281/2016/TT-BTC). Money is integers of đồng.
 *
 * The total is what the law sets for the answers given; the officer checks the exemption
 * papers and may set the amount of the financial obligation (status 6) when it depends on
 * the case.
 */
import type { Procedure } from './procedure';
import type { Condition } from './form-definition';
import { evaluateCondition, visibleFields, type Answers } from './form-engine/conditions';

export type FeeKind = 'le-phi' | 'phi';
export type FeeChannel = 'online' | 'counter';

export interface FeeLine {
	name: string;
	kind: FeeKind;
	/** Rate in đồng per unit (per case when `unit` is absent). */
	unitAmount: number;
	quantity: number;
	unit?: string;
	/** unitAmount × quantity, or 0 when exempt. */
	amount: number;
	exempt: boolean;
	/** Why it is waived, as the catalogue words it. */
	exemption?: string;
}

export interface FeeAssessment {
	lines: FeeLine[];
	/** Sum of the lines' amounts, in đồng. */
	total: number;
}

/** Lệ phí (a charge for a State service) vs phí (a fee for a service rendered), Luật Phí và lệ phí 2015. */
export function feeKindOf(fee: { name: string; kind?: FeeKind }): FeeKind {
	return fee.kind ?? (/^lệ phí/i.test(fee.name.trim()) ? 'le-phi' : 'phi');
}

function quantityOf(value: unknown): number {
	const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : NaN;
	return Number.isSafeInteger(n) && n > 0 ? n : 0;
}

/**
 * The fee lines for these answers. Answers left behind in fields that are now hidden are
 * ignored, as in validation. Lines that do not apply (no copies asked for, another channel)
 * are left out; waived lines stay, with amount 0 and the reason.
 */
export function assessFees(procedure: Pick<Procedure, 'fees' | 'form'>, answers: Answers, channel: FeeChannel = 'online'): FeeAssessment {
	const shown = new Set(visibleFields(procedure.form, answers).map((f) => f.id));
	const effective: Answers = Object.fromEntries(Object.entries(answers).filter(([id]) => shown.has(id)));
	const holds = (c: Condition | undefined) => c !== undefined && evaluateCondition(c, effective);
	const lines: FeeLine[] = [];
	for (const fee of procedure.fees) {
		if (fee.channel && fee.channel !== channel) continue;
		if (fee.appliesWhen && !holds(fee.appliesWhen)) continue;
		const quantity = fee.quantityField ? quantityOf(effective[fee.quantityField]) : 1;
		if (quantity === 0) continue;
		const exempt = fee.exemptWhen ? holds(fee.exemptWhen.condition) : false;
		lines.push({
			name: fee.name,
			kind: feeKindOf(fee),
			unitAmount: fee.amountVnd,
			quantity,
			...(fee.unit ? { unit: fee.unit } : {}),
			amount: exempt ? 0 : fee.amountVnd * quantity,
			exempt,
			...(exempt ? { exemption: fee.exemptWhen!.reason } : {})
		});
	}
	return { lines, total: sumAmounts(lines) };
}

/** Sum of integer amounts in đồng; refuses anything that is not a safe non-negative integer. */
export function sumAmounts(items: readonly { amount: number }[]): number {
	let total = 0;
	for (const { amount } of items) {
		if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`Số tiền phải là số nguyên đồng không âm, nhận được ${amount}`);
		total += amount;
	}
	if (!Number.isSafeInteger(total)) throw new RangeError('Tổng số tiền quá lớn');
	return total;
}
