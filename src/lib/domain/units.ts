/**
 * Administrative units: the current two tiers (34 provinces → xã/phường/đặc khu, since
 * 01/07/2025, Nghị quyết 202/2025/QH15 and the 1654–1687/NQ-UBTVQH15 resolutions) and the
 * three tiers before it (63 provinces → districts → communes), which people still write
 * on old papers. The compact JSON (data/units/*.json, built by scripts/build-units.mjs) is
 * passed in rather than imported so the browser can lazy-load and cache it.
 */
// zod/mini: this module runs on the form page, where every kilobyte is paid for (bench/README.md).
import * as z from 'zod/mini';
import { foldVietnamese } from './text';

const TYPE_WORDS = {
	tp: 'Thành phố',
	t: 'Tỉnh',
	q: 'Quận',
	h: 'Huyện',
	tx: 'Thị xã',
	x: 'Xã',
	p: 'Phường',
	tt: 'Thị trấn',
	đ: 'Đặc khu'
} as const;
export type ProvinceType = 'tp' | 't';
export type CommuneType = 'x' | 'p' | 'đ';
export type DistrictType = 'q' | 'h' | 'tx' | 'tp';
export type LegacyCommuneType = 'x' | 'p' | 'tt';

export interface Unit<T extends keyof typeof TYPE_WORDS> {
	code: string;
	/** Without the type word: "Ba Đình". */
	name: string;
	type: T;
	/** "Phường Ba Đình", "Thành phố Hà Nội". */
	fullName: string;
}
export type Province = Unit<ProvinceType>;
export interface Commune extends Unit<CommuneType> {
	provinceCode: string;
}
export interface CurrentUnits {
	/** Date the newest change included took effect (ISO). */
	date: string;
	provinces: readonly Province[];
	provinceByCode: ReadonlyMap<string, Province>;
	communesByProvince: ReadonlyMap<string, readonly Commune[]>;
	communeByCode: ReadonlyMap<string, Commune>;
}

// ---- compact file format (see scripts/build-units.mjs) ----
const FORMAT = 1;
const code = (digits: number) => z.string().check(z.regex(new RegExp(`^\\d{${digits}}$`)));
/** Space-separated new commune codes, possibly empty. */
const codeList = z.string().check(z.regex(/^(\d{5}( \d{5})*)?$/));
const currentFileSchema = z.object({
	v: z.literal(FORMAT),
	date: z.string(),
	p: z.array(
		z.tuple([code(2), z.string(), z.enum(['tp', 't']), z.array(z.tuple([code(5), z.string(), z.enum(['x', 'p', 'đ'])]))])
	)
});
const legacyFileSchema = z.object({
	v: z.literal(FORMAT),
	date: z.string(),
	p: z.array(
		z.tuple([
			code(2),
			z.string(),
			z.enum(['tp', 't']),
			z.string().check(z.regex(/^\d{2}( \d{2})*$/)),
			z.array(
				z.tuple([
					code(3),
					z.string(),
					z.enum(['q', 'h', 'tx', 'tp']),
					codeList,
					z.array(z.tuple([code(5), z.string(), z.enum(['x', 'p', 'tt']), codeList]))
				])
			)
		])
	)
});

function parseFile<T>(schema: z.ZodMiniType<T>, json: unknown, what: string): T {
	const result = schema.safeParse(json);
	if (!result.success) {
		throw new Error(`Dữ liệu ${what} không đúng định dạng (cần phiên bản ${FORMAT}); hãy tải lại trang.`);
	}
	return result.data;
}

function unit<T extends keyof typeof TYPE_WORDS>(code: string, name: string, type: T): Unit<T> {
	return { code, name, type, fullName: `${TYPE_WORDS[type]} ${name}` };
}
const splitCodes = (list: string) => (list === '' ? [] : list.split(' '));

export function decodeCurrentUnits(json: unknown): CurrentUnits {
	const file = parseFile(currentFileSchema, json, 'đơn vị hành chính');
	const provinces: Province[] = [];
	const communesByProvince = new Map<string, Commune[]>();
	const communeByCode = new Map<string, Commune>();
	for (const [pCode, pName, pType, rows] of file.p) {
		provinces.push(unit(pCode, pName, pType));
		const communes = rows.map(([c, n, t]) => ({ ...unit(c, n, t), provinceCode: pCode }));
		communesByProvince.set(pCode, communes);
		for (const commune of communes) communeByCode.set(commune.code, commune);
	}
	const provinceByCode = new Map(provinces.map((p) => [p.code, p]));
	return { date: file.date, provinces, provinceByCode, communesByProvince, communeByCode };
}

export const provinces = (units: CurrentUnits): readonly Province[] => units.provinces;
/** Communes of a province in code order (empty for an unknown province). */
export const communesOf = (units: CurrentUnits, provinceCode: string): readonly Commune[] =>
	units.communesByProvince.get(provinceCode) ?? [];
export const findProvince = (units: CurrentUnits, provinceCode: string) => units.provinceByCode.get(provinceCode);
export const findCommune = (units: CurrentUnits, communeCode: string) => units.communeByCode.get(communeCode);
export function provinceOfCommune(units: CurrentUnits, communeCode: string): Province | undefined {
	const commune = units.communeByCode.get(communeCode);
	return commune && units.provinceByCode.get(commune.provinceCode);
}

// ---- address answer ----
const pickProvince = 'Hãy chọn tỉnh/thành phố trong danh sách';
const pickCommune = 'Hãy chọn xã/phường/đặc khu trong danh sách';
export const addressAnswerSchema = z.strictObject({
	provinceCode: z.string({ error: pickProvince }).check(z.regex(/^\d{2}$/, pickProvince)),
	communeCode: z.string({ error: pickCommune }).check(z.regex(/^\d{5}$/, pickCommune)),
	street: z.optional(
		z.string({ error: 'Số nhà, tên đường phải là chữ' }).check(z.trim(), z.maxLength(200, 'Số nhà, tên đường (thôn, tổ) tối đa 200 ký tự'))
	),
	/** The address as written before 01/07/2025, kept when the person started from it. */
	legacy: z.optional(
		z.strictObject({
			provinceCode: z.string({ error: 'Hãy chọn tỉnh/thành phố cũ' }).check(z.regex(/^\d{2}$/, 'Hãy chọn tỉnh/thành phố cũ')),
			districtCode: z.string({ error: 'Hãy chọn quận/huyện cũ' }).check(z.regex(/^\d{3}$/, 'Hãy chọn quận/huyện cũ')),
			/** Absent only for the island districts that had no communes. */
			communeCode: z.optional(z.string().check(z.regex(/^\d{5}$/, 'Hãy chọn xã/phường/thị trấn cũ')))
		})
	)
});
export type AddressAnswer = z.infer<typeof addressAnswerSchema>;
export type LegacyAddress = NonNullable<AddressAnswer['legacy']>;

/** Checks the codes against the loaded units; a Vietnamese message, or null when fine. */
export function checkAddress(units: CurrentUnits, answer: Pick<AddressAnswer, 'provinceCode' | 'communeCode'>): string | null {
	const province = units.provinceByCode.get(answer.provinceCode);
	if (!province) return `Không có tỉnh/thành phố mã ${answer.provinceCode}. ${pickProvince}.`;
	const commune = units.communeByCode.get(answer.communeCode);
	if (!commune) return `Không có xã/phường/đặc khu mã ${answer.communeCode}. ${pickCommune}.`;
	if (commune.provinceCode !== province.code) {
		return `Xã/phường không thuộc tỉnh/thành phố đã chọn: ${commune.fullName} thuộc ${units.provinceByCode.get(commune.provinceCode)?.fullName}, không thuộc ${province.fullName}. Hãy chọn lại.`;
	}
	return null;
}

/** "Số 5, đường X, Phường Ba Đình, Thành phố Hà Nội". Call checkAddress first: unknown codes throw. */
export function formatAddress(
	units: CurrentUnits,
	address: Pick<AddressAnswer, 'provinceCode' | 'communeCode' | 'street'>
): string {
	const problem = checkAddress(units, address);
	if (problem) throw new RangeError(problem);
	const commune = units.communeByCode.get(address.communeCode)!;
	const province = units.provinceByCode.get(address.provinceCode)!;
	return [address.street?.trim(), commune.fullName, province.fullName].filter(Boolean).join(', ');
}

// ---- search ----
const searchKeys = new WeakMap<CurrentUnits, Map<string, { name: string; fullName: string; words: string[] }>>();
function keysOf(units: CurrentUnits) {
	let keys = searchKeys.get(units);
	if (!keys) {
		keys = new Map();
		for (const c of units.communeByCode.values()) {
			const province = units.provinceByCode.get(c.provinceCode)!;
			const fullName = foldVietnamese(c.fullName);
			keys.set(c.code, { name: foldVietnamese(c.name), fullName, words: `${fullName} ${foldVietnamese(province.fullName)}`.split(' ') });
		}
		searchKeys.set(units, keys);
	}
	return keys;
}

/**
 * Communes whose name (with type word and province) contains every word typed, ignoring
 * diacritics and case: "ba dinh", "phuong ba dinh ha noi", "bac son". Exact names first,
 * then names starting with the query, then other matches; each group in code order.
 */
export function searchCommunes(
	units: CurrentUnits,
	query: string,
	options: { provinceCode?: string; limit?: number } = {}
): Commune[] {
	const q = foldVietnamese(query);
	if (q === '') return [];
	const tokens = q.split(' ');
	const pool = options.provinceCode ? communesOf(units, options.provinceCode) : units.communeByCode.values();
	const keys = keysOf(units);
	const ranked: { commune: Commune; rank: number }[] = [];
	for (const commune of pool) {
		const key = keys.get(commune.code)!;
		if (!tokens.every((t) => key.words.some((w) => w.startsWith(t)))) continue;
		const rank = key.name === q || key.fullName === q ? 0 : key.name.startsWith(q) || key.fullName.startsWith(q) ? 1 : 2;
		ranked.push({ commune, rank });
	}
	ranked.sort((a, b) => a.rank - b.rank || a.commune.code.localeCompare(b.commune.code));
	return ranked.slice(0, options.limit ?? 20).map((r) => r.commune);
}

// ---- before 01/07/2025 ----
export interface LegacyProvince extends Province {
	newProvinceCodes: string[];
}
export interface LegacyDistrict extends Unit<DistrictType> {
	provinceCode: string;
	/** Only for island districts that had no communes and became a đặc khu as a whole. */
	newCommuneCodes: string[];
}
export interface LegacyCommune extends Unit<LegacyCommuneType> {
	provinceCode: string;
	districtCode: string;
	/** Several when the old commune was split between new ones; best-effort, not official. */
	newCommuneCodes: string[];
}
export interface LegacyUnits {
	date: string;
	provinces: readonly LegacyProvince[];
	provinceByCode: ReadonlyMap<string, LegacyProvince>;
	districtsByProvince: ReadonlyMap<string, readonly LegacyDistrict[]>;
	districtByCode: ReadonlyMap<string, LegacyDistrict>;
	communesByDistrict: ReadonlyMap<string, readonly LegacyCommune[]>;
	communeByCode: ReadonlyMap<string, LegacyCommune>;
}

export function decodeLegacyUnits(json: unknown): LegacyUnits {
	const file = parseFile(legacyFileSchema, json, 'đơn vị hành chính cũ');
	const provinces: LegacyProvince[] = [];
	const districtsByProvince = new Map<string, LegacyDistrict[]>();
	const districtByCode = new Map<string, LegacyDistrict>();
	const communesByDistrict = new Map<string, LegacyCommune[]>();
	const communeByCode = new Map<string, LegacyCommune>();
	for (const [pCode, pName, pType, pNew, districtRows] of file.p) {
		provinces.push({ ...unit(pCode, pName, pType), newProvinceCodes: splitCodes(pNew) });
		const districts = districtRows.map(([dCode, dName, dType, dNew, communeRows]) => {
			const communes = communeRows.map(([c, n, t, newCodes]) => ({
				...unit(c, n, t),
				provinceCode: pCode,
				districtCode: dCode,
				newCommuneCodes: splitCodes(newCodes)
			}));
			communesByDistrict.set(dCode, communes);
			for (const commune of communes) communeByCode.set(commune.code, commune);
			return { ...unit(dCode, dName, dType), provinceCode: pCode, newCommuneCodes: splitCodes(dNew) };
		});
		districtsByProvince.set(pCode, districts);
		for (const district of districts) districtByCode.set(district.code, district);
	}
	const provinceByCode = new Map(provinces.map((p) => [p.code, p]));
	return { date: file.date, provinces, provinceByCode, districtsByProvince, districtByCode, communesByDistrict, communeByCode };
}

export const legacyProvinces = (legacy: LegacyUnits): readonly LegacyProvince[] => legacy.provinces;
export const legacyDistrictsOf = (legacy: LegacyUnits, provinceCode: string): readonly LegacyDistrict[] =>
	legacy.districtsByProvince.get(provinceCode) ?? [];
export const legacyCommunesOf = (legacy: LegacyUnits, districtCode: string): readonly LegacyCommune[] =>
	legacy.communesByDistrict.get(districtCode) ?? [];

/** Checks an old address's codes against each other; a Vietnamese message, or null. */
export function checkLegacyAddress(legacy: LegacyUnits, address: LegacyAddress): string | null {
	const province = legacy.provinceByCode.get(address.provinceCode);
	if (!province) return 'Hãy chọn tỉnh/thành phố cũ trong danh sách.';
	const district = legacy.districtByCode.get(address.districtCode);
	if (!district || district.provinceCode !== province.code) return `Hãy chọn quận/huyện cũ thuộc ${province.fullName}.`;
	const communes = legacyCommunesOf(legacy, district.code);
	if (address.communeCode === undefined) {
		return communes.length === 0 ? null : `Hãy chọn xã/phường/thị trấn cũ thuộc ${district.fullName}.`;
	}
	const commune = legacy.communeByCode.get(address.communeCode);
	if (!commune || commune.districtCode !== district.code) return `Hãy chọn xã/phường/thị trấn cũ thuộc ${district.fullName}.`;
	return null;
}

/** "Phường Cống Vị, Quận Ba Đình, Thành phố Hà Nội" (old codes must be valid: checkLegacyAddress). */
export function formatLegacyAddress(legacy: LegacyUnits, address: LegacyAddress, street?: string): string {
	const problem = checkLegacyAddress(legacy, address);
	if (problem) throw new RangeError(problem);
	const commune = address.communeCode === undefined ? undefined : legacy.communeByCode.get(address.communeCode);
	const district = legacy.districtByCode.get(address.districtCode)!;
	const province = legacy.provinceByCode.get(address.provinceCode)!;
	return [street?.trim(), commune?.fullName, district.fullName, province.fullName].filter(Boolean).join(', ');
}

export interface NewUnitSuggestion {
	provinceCode: string;
	/** Empty when the mapping has no reliable target: the person chooses among the province's communes. */
	communes: { code: string; fullName: string }[];
}

function suggestion(current: CurrentUnits, province: LegacyProvince, codes: readonly string[]): NewUnitSuggestion {
	const communes = codes.flatMap((c) => {
		const commune = current.communeByCode.get(c);
		return commune ? [commune] : [];
	});
	return {
		provinceCode: communes[0]?.provinceCode ?? province.newProvinceCodes[0],
		communes: communes.map(({ code, fullName }) => ({ code, fullName }))
	};
}

/** Where an old commune went: one candidate, or several when it was split (undefined: unknown code). */
export function suggestNewCommunes(legacy: LegacyUnits, current: CurrentUnits, oldCommuneCode: string): NewUnitSuggestion | undefined {
	const old = legacy.communeByCode.get(oldCommuneCode);
	return old && suggestion(current, legacy.provinceByCode.get(old.provinceCode)!, old.newCommuneCodes);
}

/** Where an old district went: the island districts' đặc khu, otherwise every target of its communes. */
export function suggestNewCommunesForDistrict(
	legacy: LegacyUnits,
	current: CurrentUnits,
	oldDistrictCode: string
): NewUnitSuggestion | undefined {
	const district = legacy.districtByCode.get(oldDistrictCode);
	if (!district) return undefined;
	const codes = new Set(district.newCommuneCodes);
	for (const commune of legacyCommunesOf(legacy, district.code)) for (const c of commune.newCommuneCodes) codes.add(c);
	return suggestion(current, legacy.provinceByCode.get(district.provinceCode)!, [...codes]);
}
