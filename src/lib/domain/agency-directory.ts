/**
 * The directory of receiving agencies for every commune and province of the 2025 units: each
 * commune's People's Committee (with its one-stop desk), commune police and business
 * registration office; each province's Sở Tư pháp, provincial police and public-administration
 * centre. Shipped as a compact file (data/agencies/directory.json, written by
 * scripts/agencies.mjs) that the phone downloads once and keeps; names are derived from the
 * units unless the file gives one, so the file holds little more than the codes.
 *
 * Codes are "mã định danh điện tử" (QĐ 20/2020/QĐ-TTg, amended by QĐ 09/2025/QĐ-TTg): four
 * groups written lowest level first, the last one the province (Hnn). A province whose codes
 * are not the published ones is marked illustrative.
 */
// zod/mini: decoded on the form page (bench/README.md).
import * as z from 'zod/mini';
import type { CurrentUnits } from './units';
import { AGENCY_CODE_PATTERN } from './wire/primitives';

export const DIRECTORY_FORMAT = 1;
/** Agency kinds held per commune, in the column order of the compact file. */
export const communeKinds = ['ubnd-xa', 'cong-an-xa', 'dkkd-xa'] as const;
/** Agency kinds held per province, in the column order of the compact file. */
export const provinceKinds = ['so-tu-phap', 'cong-an-tinh', 'ttpvhcc-tinh'] as const;
export type CommuneKind = (typeof communeKinds)[number];
export type ProvinceKind = (typeof provinceKinds)[number];
export type DirectoryKind = CommuneKind | ProvinceKind;
export const directoryKinds: readonly DirectoryKind[] = [...communeKinds, ...provinceKinds];

export interface DirectoryAgency {
	code: string;
	kind: DirectoryKind;
	name: string;
	provinceCode: string;
	/** null for a provincial body. */
	communeCode: string | null;
	/** Where the dossier is received in person (Bộ phận Một cửa, NĐ 118/2025/NĐ-CP), when it is another office. */
	desk?: string;
	/** The code has the national shape but is not the one the agency holds. */
	illustrative: boolean;
}

export interface AgencyDirectory {
	/** Date of the 2025 units the directory was built on. */
	date: string;
	agencies: readonly DirectoryAgency[];
	byCode: ReadonlyMap<string, DirectoryAgency>;
	/** `${kind}:${communeCode}` or `${kind}:${provinceCode}`. */
	byPlace: ReadonlyMap<string, DirectoryAgency>;
}

// ---- compact file ----
const codeGroups = z.string().check(z.regex(/^([0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}(\.[A-Z][0-9]{2})?)?$/));
const directoryFileSchema = z.object({
	v: z.literal(DIRECTORY_FORMAT),
	date: z.string(),
	/**
	 * Per province: [provinceCode, level-1 code (Hnn), illustrative 0/1, codes per provinceKinds,
	 * names per provinceKinds ('' = derived), rows [communeCode, ...codes per communeKinds],
	 * names of commune agencies that differ from the derived ones {communeCode: [...per communeKinds]}].
	 * A code of three groups is completed with the province's level-1 code; '' = no such agency.
	 */
	p: z.array(
		z.tuple([
			z.string().check(z.regex(/^\d{2}$/)),
			z.string().check(z.regex(/^[A-Z]\d{2}$/)),
			z.union([z.literal(0), z.literal(1)]),
			z.array(codeGroups),
			z.array(z.string()),
			z.array(z.array(z.string())),
			z.record(z.string(), z.array(z.string()))
		])
	)
});
export type DirectoryFile = z.infer<typeof directoryFileSchema>;

const TYPE_LOWER = { x: 'xã', p: 'phường', đ: 'đặc khu', tp: 'thành phố', t: 'tỉnh' } as const;

/** The name an agency has unless the directory says otherwise ("UBND xã Sóc Sơn, Hà Nội"). */
export function derivedName(units: CurrentUnits, kind: DirectoryKind, provinceCode: string, communeCode: string | null): string {
	const province = units.provinceByCode.get(provinceCode);
	if (!province) throw new RangeError(`Không có tỉnh/thành phố mã ${provinceCode}`);
	const provinceWords = `${TYPE_LOWER[province.type]} ${province.name}`;
	if (kind === 'so-tu-phap') return `Sở Tư pháp ${provinceWords}`;
	if (kind === 'cong-an-tinh') return `Công an ${provinceWords}`;
	if (kind === 'ttpvhcc-tinh') return `Trung tâm Phục vụ hành chính công ${provinceWords}`;
	const commune = communeCode === null ? undefined : units.communeByCode.get(communeCode);
	if (!commune || commune.provinceCode !== provinceCode) throw new RangeError(`Không có xã/phường mã ${communeCode} thuộc ${province.fullName}`);
	const communeWords = `${TYPE_LOWER[commune.type]} ${commune.name}`;
	if (kind === 'ubnd-xa') return `UBND ${communeWords}, ${province.name}`;
	if (kind === 'cong-an-xa') return `Công an ${communeWords}, ${province.name}`;
	// NĐ 168/2025/NĐ-CP: the commune's business registration office is its Phòng Kinh tế
	// (xã) or Phòng Kinh tế, Hạ tầng và Đô thị (phường, đặc khu).
	const office = commune.type === 'x' ? 'Phòng Kinh tế' : 'Phòng Kinh tế, Hạ tầng và Đô thị';
	return `${office} UBND ${communeWords}, ${province.name} (đăng ký hộ kinh doanh)`;
}

function deskOf(units: CurrentUnits, kind: DirectoryKind, provinceCode: string, communeCode: string | null): string | undefined {
	if (kind === 'ubnd-xa' || kind === 'dkkd-xa') {
		const commune = units.communeByCode.get(communeCode ?? '')!;
		return `Trung tâm Phục vụ hành chính công ${TYPE_LOWER[commune.type]} ${commune.name}`;
	}
	if (kind === 'so-tu-phap') return derivedName(units, 'ttpvhcc-tinh', provinceCode, null);
	return undefined;
}

/** Decodes the compact directory against the 2025 units (names are derived from them). */
export function decodeAgencyDirectory(json: unknown, units: CurrentUnits): AgencyDirectory {
	const parsed = directoryFileSchema.safeParse(json);
	if (!parsed.success) throw new Error(`Danh bạ cơ quan không đúng định dạng (cần phiên bản ${DIRECTORY_FORMAT}); hãy tải lại trang.`);
	const agencies: DirectoryAgency[] = [];
	const add = (kind: DirectoryKind, code: string, level1: string, provinceCode: string, communeCode: string | null, name: string, illustrative: boolean) => {
		if (code === '') return;
		const full = code.length === 9 ? `${code}.${level1}` : code;
		const desk = deskOf(units, kind, provinceCode, communeCode);
		agencies.push({ code: full, kind, name: name || derivedName(units, kind, provinceCode, communeCode), provinceCode, communeCode, ...(desk ? { desk } : {}), illustrative });
	};
	for (const [provinceCode, level1, flag, codes, names, rows, communeNames] of parsed.data.p) {
		provinceKinds.forEach((kind, i) => add(kind, codes[i] ?? '', level1, provinceCode, null, names[i] ?? '', flag === 1));
		for (const [communeCode, ...communeCodes] of rows)
			communeKinds.forEach((kind, i) => add(kind, communeCodes[i] ?? '', level1, provinceCode, communeCode, communeNames[communeCode]?.[i] ?? '', flag === 1));
	}
	return {
		date: parsed.data.date,
		agencies,
		byCode: new Map(agencies.map((a) => [a.code, a])),
		byPlace: new Map(agencies.map((a) => [`${a.kind}:${a.communeCode ?? a.provinceCode}`, a]))
	};
}

/** The agency of a kind for a commune (commune kinds) or for the commune's province (province kinds). */
export function agencyAt(directory: AgencyDirectory, units: CurrentUnits, kind: string, communeCode: string): DirectoryAgency | undefined {
	if ((communeKinds as readonly string[]).includes(kind)) return directory.byPlace.get(`${kind}:${communeCode}`);
	const provinceCode = units.communeByCode.get(communeCode)?.provinceCode;
	return provinceCode === undefined ? undefined : directory.byPlace.get(`${kind}:${provinceCode}`);
}

// ---- import: a deployment's own directory, one record per agency ----
const isCommuneKind = (kind: string) => (communeKinds as readonly string[]).includes(kind);

/** One row of a deployment's directory (CSV columns or JSON keys of the same names). */
export const directoryRecordSchema = z
	.object({
		code: z.string().check(z.trim(), z.regex(new RegExp(`^${AGENCY_CODE_PATTERN}$`), 'mã định danh có dạng 000.00.19.H47')),
		kind: z.enum(directoryKinds as [DirectoryKind, ...DirectoryKind[]], `loại cơ quan là một trong: ${directoryKinds.join(', ')}`),
		provinceCode: z.string().check(z.trim(), z.regex(/^\d{2}$/, 'mã tỉnh có 2 chữ số (đơn vị hành chính 2025)')),
		communeCode: z.optional(z.string().check(z.trim(), z.regex(/^(\d{5})?$/, 'mã xã có 5 chữ số (đơn vị hành chính 2025)'))),
		name: z.optional(z.string().check(z.trim(), z.maxLength(300)))
	})
	.check(
		z.refine((r) => isCommuneKind(r.kind) === Boolean(r.communeCode), {
			message: 'cơ quan cấp xã cần mã xã; cơ quan cấp tỉnh để trống mã xã',
			path: ['communeCode']
		})
	);
export type DirectoryRecord = z.infer<typeof directoryRecordSchema>;

/**
 * Builds the compact file from one record per agency and checks it against the units: every
 * place exists, codes are unique and end with the province's own level-1 code, every commune
 * has its People's Committee and police, every province its Sở Tư pháp. Provinces listed in
 * `illustrative` are marked so. Throws one error listing every problem (in Vietnamese).
 */
export function encodeAgencyDirectory(records: readonly DirectoryRecord[], units: CurrentUnits, options: { illustrative: ReadonlySet<string> }): DirectoryFile {
	const problems: string[] = [];
	const byPlace = new Map<string, DirectoryRecord>();
	const codes = new Set<string>();
	const level1 = new Map<string, string>();
	for (const r of records) {
		const where = `${r.code} (${r.kind})`;
		if (codes.has(r.code)) problems.push(`${where}: trùng mã`);
		codes.add(r.code);
		const province = units.provinceByCode.get(r.provinceCode);
		if (!province) {
			problems.push(`${where}: không có tỉnh mã ${r.provinceCode}`);
			continue;
		}
		if (r.communeCode && units.communeByCode.get(r.communeCode)?.provinceCode !== r.provinceCode)
			problems.push(`${where}: không có xã mã ${r.communeCode} thuộc ${province.fullName}`);
		const l1 = r.code.slice(10);
		if ((level1.get(r.provinceCode) ?? l1) !== l1) problems.push(`${where}: nhóm cuối của mã phải là mã cấp 1 của ${province.fullName} (${level1.get(r.provinceCode)})`);
		level1.set(r.provinceCode, level1.get(r.provinceCode) ?? l1);
		const place = `${r.kind}:${r.communeCode || r.provinceCode}`;
		if (byPlace.has(place)) problems.push(`${where}: ${place} đã có cơ quan ${byPlace.get(place)!.code}`);
		byPlace.set(place, r);
	}
	const level1Owner = new Map<string, string>();
	for (const [provinceCode, l1] of level1) {
		if (level1Owner.has(l1)) problems.push(`mã cấp 1 ${l1} dùng cho cả tỉnh ${level1Owner.get(l1)} và ${provinceCode}`);
		level1Owner.set(l1, provinceCode);
	}
	for (const province of units.provinces) {
		if (!byPlace.has(`so-tu-phap:${province.code}`)) problems.push(`${province.fullName}: thiếu Sở Tư pháp`);
		for (const commune of units.communesByProvince.get(province.code) ?? [])
			for (const kind of ['ubnd-xa', 'cong-an-xa'])
				if (!byPlace.has(`${kind}:${commune.code}`)) problems.push(`${commune.fullName} (${commune.code}, ${province.name}): thiếu ${kind}`);
	}
	if (problems.length) {
		const shown = problems.slice(0, 30);
		if (problems.length > shown.length) shown.push(`… và ${problems.length - shown.length} lỗi khác`);
		throw new Error(`Danh bạ cơ quan không hợp lệ (${problems.length} lỗi):\n  ${shown.join('\n  ')}`);
	}
	const short = (code: string, l1: string) => (code.endsWith(`.${l1}`) ? code.slice(0, 9) : code);
	const nameOrDerived = (r: DirectoryRecord | undefined, kind: DirectoryKind, provinceCode: string, communeCode: string | null) =>
		r?.name && r.name !== derivedName(units, kind, provinceCode, communeCode) ? r.name : '';
	return {
		v: DIRECTORY_FORMAT,
		date: units.date,
		p: units.provinces.map((province) => {
			const l1 = level1.get(province.code)!;
			const pRecords = provinceKinds.map((kind) => byPlace.get(`${kind}:${province.code}`));
			const communeNames: Record<string, string[]> = {};
			const rows = (units.communesByProvince.get(province.code) ?? []).map((commune) => {
				const cRecords = communeKinds.map((kind) => byPlace.get(`${kind}:${commune.code}`));
				const names = cRecords.map((r, i) => nameOrDerived(r, communeKinds[i], province.code, commune.code));
				if (names.some(Boolean)) communeNames[commune.code] = names;
				return [commune.code, ...trimEnd(cRecords.map((r) => (r ? short(r.code, l1) : '')))];
			});
			return [
				province.code,
				l1,
				options.illustrative.has(province.code) ? 1 : 0,
				trimEnd(pRecords.map((r) => (r ? short(r.code, l1) : ''))),
				trimEnd(pRecords.map((r, i) => nameOrDerived(r, provinceKinds[i], province.code, null))),
				rows,
				communeNames
			];
		})
	};
}

const trimEnd = (values: string[]) => {
	const out = [...values];
	while (out.length && out[out.length - 1] === '') out.pop();
	return out;
};

/** The records of a decoded directory, e.g. to merge an import into it. */
export function directoryRecords(directory: AgencyDirectory): DirectoryRecord[] {
	return directory.agencies.map((a) => ({ code: a.code, kind: a.kind, provinceCode: a.provinceCode, communeCode: a.communeCode ?? '', name: a.name }));
}
