import type { fees as vi } from '../vi/fees';

export const fees: { [K in keyof typeof vi]: string } = {
	'fees.title': 'Fees and charges',
	'fees.none': 'No fee or charge applies to this procedure with your answers.',
	'fees.total': 'Total',
	'fees.exempt': 'Exempt',
	'fees.perUnit': '{amount} per {unit} × {quantity}',
	'fees.kindLePhi': 'Charge (lệ phí)',
	'fees.kindPhi': 'Fee (phí)',
	'fees.note': 'The amount follows your answers; the agency checks your papers and tells you the official amount when it asks for payment.'
};
