import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
	addressAnswerSchema,
	checkAddress,
	checkLegacyAddress,
	communesOf,
	decodeCurrentUnits,
	decodeLegacyUnits,
	findCommune,
	formatAddress,
	formatLegacyAddress,
	legacyCommunesOf,
	legacyDistrictsOf,
	legacyProvinces,
	provinceOfCommune,
	provinces,
	searchCommunes,
	suggestNewCommunes,
	suggestNewCommunesForDistrict
} from '$lib/domain/units';

const readData = (name: string) => readFileSync(new URL(`../../../data/units/${name}`, import.meta.url), 'utf8');
const currentText = readData('current.json');
const legacyText = readData('legacy.json');
const current = decodeCurrentUnits(JSON.parse(currentText));
const legacy = decodeLegacyUnits(JSON.parse(legacyText));

describe('current units (since 01/07/2025)', () => {
	it('has 34 provinces and 3,321 communes', () => {
		expect(provinces(current)).toHaveLength(34);
		const total = provinces(current).reduce((n, p) => n + communesOf(current, p.code).length, 0);
		expect(total).toBe(3321);
		expect(current.communeByCode.size).toBe(3321);
	});

	it('rebuilds full names with their type words', () => {
		expect(findCommune(current, '00004')?.fullName).toBe('Phường Ba Đình');
		expect(provinceOfCommune(current, '00004')?.fullName).toBe('Thành phố Hà Nội');
		expect(findCommune(current, '26732')?.fullName).toBe('Đặc khu Côn Đảo');
		// Upstream spells this one "xã Bắc Sơn"; the build capitalises the type word.
		expect(findCommune(current, '06325')?.fullName).toBe('Xã Bắc Sơn');
		expect(provinces(current).find((p) => p.code === '04')?.fullName).toBe('Tỉnh Cao Bằng');
	});

	it('formats an address with diacritics, street first', () => {
		expect(formatAddress(current, { provinceCode: '01', communeCode: '00004', street: ' Số 5, đường Kim Mã ' })).toBe(
			'Số 5, đường Kim Mã, Phường Ba Đình, Thành phố Hà Nội'
		);
		expect(formatAddress(current, { provinceCode: '01', communeCode: '00004' })).toBe('Phường Ba Đình, Thành phố Hà Nội');
	});

	it('refuses a commune of another province', () => {
		const message = checkAddress(current, { provinceCode: '04', communeCode: '00004' });
		expect(message).toContain('Xã/phường không thuộc tỉnh/thành phố đã chọn');
		expect(message).toContain('Tỉnh Cao Bằng');
		expect(() => formatAddress(current, { provinceCode: '04', communeCode: '00004' })).toThrow(/không thuộc/);
		expect(checkAddress(current, { provinceCode: '01', communeCode: '00004' })).toBeNull();
		expect(checkAddress(current, { provinceCode: '01', communeCode: '99999' })).toMatch(/Không có xã\/phường/);
		expect(checkAddress(current, { provinceCode: '02', communeCode: '00004' })).toMatch(/Không có tỉnh/);
	});

	it('finds communes without diacritics, exact names first', () => {
		const hits = searchCommunes(current, 'ba dinh');
		expect(hits[0].fullName).toBe('Phường Ba Đình');
		expect(searchCommunes(current, 'PHUONG ba đình ha noi').map((c) => c.code)).toEqual(['00004']);
		expect(searchCommunes(current, 'bac son', { provinceCode: '20' }).map((c) => c.fullName)).toContain('Xã Bắc Sơn');
		expect(searchCommunes(current, 'giang vo', { provinceCode: '04' })).toEqual([]);
		expect(searchCommunes(current, '   ')).toEqual([]);
		expect(searchCommunes(current, 'xa', { limit: 5 })).toHaveLength(5);
	});

	it('keeps current.json small enough to precache (< 60 KB gzip)', () => {
		expect(gzipSync(currentText, { level: 9 }).length).toBeLessThan(60 * 1024);
	});

	it('rejects a file in another format with a Vietnamese message', () => {
		expect(() => decodeCurrentUnits({ v: 2, p: [] })).toThrow(/không đúng định dạng/);
	});
});

describe('units before 01/07/2025 and the old → new mapping', () => {
	it('has 63 provinces, 696 districts and 10,035 communes', () => {
		expect(legacyProvinces(legacy)).toHaveLength(63);
		const districts = legacyProvinces(legacy).flatMap((p) => legacyDistrictsOf(legacy, p.code));
		expect(districts).toHaveLength(696);
		expect(districts.flatMap((d) => legacyCommunesOf(legacy, d.code))).toHaveLength(10035);
	});

	it('sends every old province to one of the 34 new ones', () => {
		for (const p of legacyProvinces(legacy)) {
			expect(p.newProvinceCodes.length).toBeGreaterThan(0);
			for (const code of p.newProvinceCodes) expect(current.provinceByCode.has(code)).toBe(true);
		}
		expect(legacy.provinceByCode.get('02')?.newProvinceCodes).toEqual(['08']); // Hà Giang → Tuyên Quang
	});

	it('points every mapped old commune at existing new communes of its successor province', () => {
		let unmapped = 0;
		for (const old of legacy.communeByCode.values()) {
			if (old.newCommuneCodes.length === 0) unmapped++;
			const successors = legacy.provinceByCode.get(old.provinceCode)!.newProvinceCodes;
			for (const code of old.newCommuneCodes) expect(successors).toContain(findCommune(current, code)?.provinceCode);
		}
		expect(unmapped).toBe(1); // 30622, see data/units/SOURCES.md
	});

	it('suggests both new wards for a split old ward (Cống Vị → Ngọc Hà, Giảng Võ)', () => {
		expect(legacy.communeByCode.get('00007')?.fullName).toBe('Phường Cống Vị');
		expect(suggestNewCommunes(legacy, current, '00007')).toEqual({
			provinceCode: '01',
			communes: [
				{ code: '00008', fullName: 'Phường Ngọc Hà' },
				{ code: '00025', fullName: 'Phường Giảng Võ' }
			]
		});
		expect(suggestNewCommunes(legacy, current, '00000')).toBeUndefined();
	});

	it('maps an island district without communes to its đặc khu', () => {
		expect(legacyCommunesOf(legacy, '755')).toEqual([]);
		expect(suggestNewCommunesForDistrict(legacy, current, '755')?.communes).toEqual([
			{ code: '26732', fullName: 'Đặc khu Côn Đảo' }
		]);
		expect(checkLegacyAddress(legacy, { provinceCode: '77', districtCode: '755' })).toBeNull();
	});

	it('offers no cross-province suggestion for the one doubtful mapping entry', () => {
		// Upstream maps An Giang's 30622 to a Đồng Tháp commune; the build drops it.
		expect(suggestNewCommunes(legacy, current, '30622')).toEqual({ provinceCode: '91', communes: [] });
	});

	it('checks and formats an old address', () => {
		const old = { provinceCode: '01', districtCode: '001', communeCode: '00007' };
		expect(formatLegacyAddress(legacy, old, 'Số 1 Kim Mã')).toBe('Số 1 Kim Mã, Phường Cống Vị, Quận Ba Đình, Thành phố Hà Nội');
		expect(checkLegacyAddress(legacy, { ...old, districtCode: '002' })).toBe('Hãy chọn xã/phường/thị trấn cũ thuộc Quận Hoàn Kiếm.');
		expect(checkLegacyAddress(legacy, { ...old, communeCode: undefined })).toMatch(/Hãy chọn xã\/phường\/thị trấn cũ/);
	});
});

describe('addressAnswerSchema', () => {
	it('accepts a full answer and trims the street', () => {
		const parsed = addressAnswerSchema.parse({
			provinceCode: '01',
			communeCode: '00004',
			street: '  Số 5  ',
			legacy: { provinceCode: '01', districtCode: '001', communeCode: '00007' }
		});
		expect(parsed.street).toBe('Số 5');
	});

	it('explains in Vietnamese what is missing', () => {
		const result = addressAnswerSchema.safeParse({ provinceCode: '1', street: 'x'.repeat(201) });
		expect(result.success).toBe(false);
		const messages = result.error!.issues.map((i) => i.message);
		expect(messages).toContain('Hãy chọn tỉnh/thành phố trong danh sách');
		expect(messages).toContain('Hãy chọn xã/phường/đặc khu trong danh sách');
		expect(messages).toContain('Số nhà, tên đường (thôn, tổ) tối đa 200 ký tự');
	});
});
