/**
 * Which agency is competent for a dossier: the procedure's tier and handling body (its agency
 * kind) applied to the place the law names — usually where the applicant lives, for some
 * civil-status events the residence of either parent or spouse, for residence registration the
 * address being registered. The same rule runs on the phone (offline, with the directory on the
 * device), behind GET /api/agencies and in the server's check of a submitted dossier.
 */
import { agencyAt, type AgencyDirectory, type DirectoryAgency } from './agency-directory';
import type { CurrentUnits } from './units';

/** A place the law allows, read from an address answer of the form. */
export interface PlaceRule {
	field: string;
	/** Why an agency there is competent, as a person reads it: "nơi cư trú của người mẹ". */
	reason: string;
	/** Counts only when no earlier place is answered (e.g. the place of death when the last residence is unknown). */
	fallback?: boolean;
}

export interface CompetenceRule {
	places: PlaceRule[];
	/** Any commune's body may handle it, wherever the applicant lives. */
	anywhere?: boolean;
	/** The provision that names the competent agency. */
	basis: string;
}

const requester: PlaceRule = { field: 'requesterAddress', reason: 'nơi cư trú của người yêu cầu' };

/**
 * Per procedure code. A procedure without an entry is routed by its requester's residence
 * (DEFAULT_RULE); the catalogue test asks for an entry for every shipped procedure.
 */
export const competenceRules: Readonly<Record<string, CompetenceRule>> = {
	// Luật Hộ tịch 2014, Điều 13: UBND cấp xã nơi cư trú của người cha hoặc người mẹ.
	'1.001193': {
		places: [
			{ field: 'motherAddress', reason: 'nơi cư trú của người mẹ' },
			{ field: 'fatherAddress', reason: 'nơi cư trú của người cha' }
		],
		basis: 'Điều 13 Luật Hộ tịch 2014'
	},
	// Luật Hộ tịch 2014, Điều 32: nơi cư trú cuối cùng của người chết; không xác định được thì nơi người đó chết.
	'1.000656': {
		places: [
			{ field: 'deceasedLastResidence', reason: 'nơi cư trú cuối cùng của người chết' },
			{ field: 'deathPlace', reason: 'nơi người đó chết (vì không rõ nơi cư trú cuối cùng)', fallback: true }
		],
		basis: 'Điều 32 Luật Hộ tịch 2014'
	},
	// Luật Hộ tịch 2014, Điều 17: nơi cư trú của một trong hai bên nam, nữ.
	'1.000894': {
		places: [
			{ field: 'brideAddress', reason: 'nơi cư trú của bên nữ' },
			{ field: 'groomAddress', reason: 'nơi cư trú của bên nam' }
		],
		basis: 'Điều 17 Luật Hộ tịch 2014'
	},
	// Luật Hộ tịch 2014, Điều 24: nơi cư trú của người nhận hoặc người được nhận là cha, mẹ, con.
	'1.001022': {
		places: [
			{ field: 'requesterAddress', reason: 'nơi cư trú của người nhận cha, mẹ, con' },
			{ field: 'claimedAddress', reason: 'nơi cư trú của người được nhận' }
		],
		basis: 'Điều 24 Luật Hộ tịch 2014'
	},
	// Luật Hộ tịch 2014, Điều 20: nơi cư trú của người được giám hộ hoặc người giám hộ.
	'1.004837': {
		places: [
			{ field: 'wardAddress', reason: 'nơi cư trú của người được giám hộ' },
			{ field: 'requesterAddress', reason: 'nơi cư trú của người giám hộ' }
		],
		basis: 'Điều 20 Luật Hộ tịch 2014'
	},
	// NĐ 123/2015/NĐ-CP, Điều 21: nơi thường trú (không có thì nơi tạm trú) của người cần xác nhận.
	'1.004873': {
		places: [
			{ field: 'subjectAddress', reason: 'nơi cư trú của người cần xác nhận tình trạng hôn nhân' },
			// Asked for oneself ("Bản thân"), the subject's step is hidden: the requester is the subject.
			{ field: 'requesterAddress', reason: 'nơi cư trú của người yêu cầu (người cần xác nhận)', fallback: true }
		],
		basis: 'Điều 21 Nghị định 123/2015/NĐ-CP'
	},
	// NĐ 123/2015/NĐ-CP, Điều 25: nơi đã đăng ký khai sinh trước đây hoặc nơi người yêu cầu thường trú.
	'1.004884': {
		places: [{ field: 'requesterAddress', reason: 'nơi thường trú của người yêu cầu' }],
		basis: 'Điều 25 Nghị định 123/2015/NĐ-CP'
	},
	// NĐ 168/2025/NĐ-CP: cơ quan đăng ký kinh doanh cấp xã nơi đặt trụ sở hộ kinh doanh.
	'1.001612': {
		places: [{ field: 'businessAddress', reason: 'nơi đặt trụ sở hộ kinh doanh' }],
		basis: 'Nghị định 168/2025/NĐ-CP'
	},
	// NĐ 20/2021/NĐ-CP, Điều 7: Chủ tịch UBND cấp xã nơi đối tượng cư trú.
	'1.001776': {
		places: [{ field: 'beneficiaryAddress', reason: 'nơi cư trú của người hưởng trợ cấp' }],
		basis: 'Điều 7 Nghị định 20/2021/NĐ-CP'
	},
	// Luật Cư trú 2020, Điều 28: cơ quan đăng ký cư trú nơi dự kiến tạm trú.
	'1.004194': {
		places: [{ field: 'tempAddress', reason: 'nơi đăng ký tạm trú' }],
		basis: 'Điều 28 Luật Cư trú 2020'
	},
	// Luật Cư trú 2020, Điều 22: cơ quan đăng ký cư trú nơi đề nghị đăng ký thường trú.
	'1.004222': {
		places: [{ field: 'newAddress', reason: 'nơi đăng ký thường trú' }],
		basis: 'Điều 22 Luật Cư trú 2020'
	},
	// Luật Xây dựng 2014 (sửa đổi 2020), Điều 103, với NĐ 175/2024/NĐ-CP: UBND cấp xã nơi có công trình.
	'1.013225': {
		places: [{ field: 'siteAddress', reason: 'nơi có công trình' }],
		basis: 'Điều 103 Luật Xây dựng 2014'
	},
	// Luật Hộ tịch 2014, Điều 64; NĐ 120/2025/NĐ-CP: Sở Tư pháp quản lý Cơ sở dữ liệu hộ tịch của tỉnh.
	'2.000635': { places: [requester], basis: 'Điều 64 Luật Hộ tịch 2014' },
	// NĐ 23/2015/NĐ-CP, Điều 5: chứng thực không phụ thuộc nơi cư trú của người yêu cầu.
	'2.000815': { places: [requester], anywhere: true, basis: 'Điều 5 Nghị định 23/2015/NĐ-CP' },
	'2.000884': { places: [requester], anywhere: true, basis: 'Điều 5 Nghị định 23/2015/NĐ-CP' }
};

export const DEFAULT_RULE: CompetenceRule = { places: [requester], basis: 'nơi cư trú của người yêu cầu' };

export interface RoutedProcedure {
	code: string;
	name: string;
	tier: string;
	agency: { id: string; name: string };
}

/** A commune the applicant named for this dossier, with why it counts. */
export interface Place {
	communeCode: string;
	reason: string;
}

export interface RoutingOption {
	agency: DirectoryAgency;
	/** "nơi cư trú của người mẹ; nơi cư trú của người cha" when both places lead to it. */
	reason: string;
	/** The agency is in the applicant's own commune (commune bodies) or province (provincial bodies). */
	atHome: boolean;
	/** Outside the applicant's province: the page must say so. */
	outsideHomeProvince: boolean;
}

export interface Routing {
	/** Competent agencies, the default first. */
	options: RoutingOption[];
	/** Any agency of the procedure's kind in the country may be chosen. */
	anywhere: boolean;
	kind: string;
	basis: string;
	/** Why no agency can be named (shown to the person). */
	problem?: string;
}

const communeOf = (value: unknown): string | undefined => {
	const code = (value as { communeCode?: unknown } | null | undefined)?.communeCode;
	return typeof code === 'string' && /^\d{5}$/.test(code) ? code : undefined;
};

export const ruleFor = (procedureCode: string): CompetenceRule => competenceRules[procedureCode] ?? DEFAULT_RULE;

/** The places the law allows for this dossier, read from its answers, in the rule's order. */
export function placesFromAnswers(procedureCode: string, answers: Record<string, unknown>): Place[] {
	const rule = ruleFor(procedureCode);
	const main = rule.places.filter((p) => !p.fallback);
	const found = (rules: PlaceRule[]) =>
		rules.flatMap((p) => {
			const communeCode = communeOf(answers[p.field]);
			return communeCode ? [{ communeCode, reason: p.reason }] : [];
		});
	const places = found(main);
	return places.length ? places : found(rule.places.filter((p) => p.fallback));
}

/**
 * The competent agencies for the places given. `home` is the commune where the applicant lives
 * (their residence in the form or their account): an agency there comes first, then one in
 * their province; an agency outside their province is flagged so the page can say so.
 */
export function routeDossier(
	procedure: RoutedProcedure,
	directory: AgencyDirectory,
	units: CurrentUnits,
	places: readonly Place[],
	home?: string
): Routing {
	const rule = ruleFor(procedure.code);
	const kind = procedure.agency.id;
	const base = { anywhere: Boolean(rule.anywhere), kind, basis: rule.basis };
	if (procedure.tier === 'huyen')
		return { ...base, options: [], problem: `Thủ tục "${procedure.name}" là thủ tục cấp huyện; từ 01/07/2025 không còn cấp huyện, hãy tìm thủ tục tương ứng ở cấp xã hoặc cấp tỉnh.` };
	if (procedure.tier === 'trung-uong')
		return { ...base, options: [], problem: `Thủ tục "${procedure.name}" do cơ quan trung ương giải quyết; ứng dụng chưa gửi được hồ sơ đến cơ quan trung ương.` };
	if (!places.length)
		return { ...base, options: [], problem: `Hãy nhập ${rule.places.filter((p) => !p.fallback).map((p) => p.reason).join(' hoặc ')} để biết cơ quan tiếp nhận hồ sơ.` };

	const homeProvince = home === undefined ? undefined : units.communeByCode.get(home)?.provinceCode;
	const byCode = new Map<string, RoutingOption>();
	for (const place of places) {
		const agency = agencyAt(directory, units, kind, place.communeCode);
		if (!agency) continue;
		const known = byCode.get(agency.code);
		if (known) {
			if (!known.reason.includes(place.reason)) known.reason += `; ${place.reason}`;
			continue;
		}
		const atHome = agency.communeCode === null ? agency.provinceCode === homeProvince : agency.communeCode === home;
		byCode.set(agency.code, { agency, reason: place.reason, atHome, outsideHomeProvince: homeProvince !== undefined && agency.provinceCode !== homeProvince });
	}
	const rank = (o: RoutingOption) => (o.atHome ? 0 : o.outsideHomeProvince ? 2 : 1);
	const options = [...byCode.values()].map((o, i) => ({ o, i })).sort((a, b) => rank(a.o) - rank(b.o) || a.i - b.i).map(({ o }) => o);
	if (!options.length)
		return { ...base, options, problem: `Danh bạ chưa có ${procedure.agency.name.toLowerCase()} cho nơi đã chọn; hãy liên hệ Bộ phận một cửa của xã/phường.` };
	return { ...base, options };
}

/**
 * May this agency receive this dossier? One of the competent options, or — for a procedure any
 * commune may handle — any agency of the procedure's kind.
 */
export function isCompetent(routing: Routing, agency: DirectoryAgency): boolean {
	if (routing.anywhere && !routing.problem) return agency.kind === routing.kind;
	return routing.options.some((o) => o.agency.code === agency.code);
}
