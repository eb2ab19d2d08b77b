/** GET /api/agencies: the competent agencies for a procedure and places, from the shipped directory. */
import { ruleFor, routeDossier } from '$lib/domain/routing';
import { agencyQuerySchema, type AgencyAnswer } from '$lib/domain/wire/agencies';
import { fieldErrors, summarizeFields } from '$lib/domain/wire/errors';
import { getProcedure } from './catalogue';
import { agencyDirectory, currentUnits } from './agencies';
import { ApiError } from './http/api-error';

export function competentAgencies(params: URLSearchParams): AgencyAnswer {
	const parsed = agencyQuerySchema.safeParse({ procedure: params.get('procedure') ?? '', communeCode: params.getAll('communeCode') });
	if (!parsed.success) {
		const fields = fieldErrors(parsed.error);
		throw new ApiError('invalid_query', summarizeFields(fields, 'Yêu cầu chưa đúng'), { fields });
	}
	const { procedure: code, communeCode } = parsed.data;
	const procedure = getProcedure(code);
	if (!procedure) throw new ApiError('procedure_not_found', `Không có thủ tục mã ${code}; hãy chọn lại thủ tục trong danh mục.`);
	const unknown = communeCode.find((c) => !currentUnits.communeByCode.has(c));
	if (unknown) throw new ApiError('invalid_query', `Không có xã/phường mã ${unknown} trong danh mục đơn vị hành chính 2025.`, { fields: { communeCode: 'Hãy chọn xã/phường trong danh sách' } });

	// The places are named by the caller, without the form: each counts for the reason of the
	// rule's place in the same position (the first: the applicant's residence), the last reason
	// for any further ones.
	const rule = ruleFor(code);
	const reasons = rule.places.filter((p) => !p.fallback).map((p) => p.reason);
	const places = communeCode.map((c, i) => ({ communeCode: c, reason: reasons[Math.min(i, reasons.length - 1)] }));
	const routing = routeDossier(procedure, agencyDirectory, currentUnits, places, communeCode[0]);
	return {
		procedureCode: code,
		anywhere: routing.anywhere,
		basis: routing.basis,
		agencies: routing.options.map(({ agency, reason }) => ({
			code: agency.code,
			name: agency.name,
			provinceCode: agency.provinceCode,
			communeCode: agency.communeCode,
			reason,
			...(agency.desk ? { desk: agency.desk } : {}),
			illustrative: agency.illustrative
		})),
		...(routing.problem ? { problem: routing.problem } : {})
	};
}
