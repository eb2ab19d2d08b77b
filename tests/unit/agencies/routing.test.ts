/**
 * The competent agency per tier: a commune body at the place the law names (the applicant's
 * residence, either parent's or spouse's, the address being registered), a provincial body of
 * that place's province, none for tiers that no longer exist; an old address mapped to its new
 * commune routes like the new one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeAgencyDirectory } from '$lib/domain/agency-directory';
import { parseCatalogue, type Procedure } from '$lib/domain/procedure';
import { competenceRules, isCompetent, placesFromAnswers, routeDossier } from '$lib/domain/routing';
import { decodeCurrentUnits, decodeLegacyUnits, suggestNewCommunes } from '$lib/domain/units';

const data = (path: string) => readFileSync(new URL(`../../../data/${path}`, import.meta.url), 'utf8');
const units = decodeCurrentUnits(JSON.parse(data('units/current.json')));
const directory = decodeAgencyDirectory(JSON.parse(data('agencies/directory.json')), units);
const catalogue = parseCatalogue(
	readdirSync(new URL('../../../data/procedures/', import.meta.url)).filter((f) => f.endsWith('.json')).map((file) => ({ file, data: JSON.parse(data(`procedures/${file}`)) }))
);
const procedure = (code: string) => catalogue.find((p) => p.code === code)!;
const at = (communeCode: string) => ({ provinceCode: units.communeByCode.get(communeCode)!.provinceCode, communeCode, street: 'Số 1' });

/** Communes in five provinces. */
const SOC_SON = '00376'; // xã Sóc Sơn, Hà Nội (code kept from data/agencies.json)
const TRUONG_THI = '13777'; // phường Trường Thi, Ninh Bình
const PHU_LY = '13285'; // phường Phủ Lý, Ninh Bình
const HAI_VAN = '20194'; // phường Hải Vân, Đà Nẵng
const NHA_TRANG = '22366'; // phường Nha Trang, Khánh Hoà
const THU_DAU_MOT = '25747'; // phường Thủ Dầu Một, Hồ Chí Minh

function route(code: string, answers: Record<string, unknown>, home?: string) {
	const p = procedure(code);
	return routeDossier(p, directory, units, placesFromAnswers(code, answers), home);
}
const names = (r: ReturnType<typeof route>) => r.options.map((o) => [o.agency.name, o.reason]);

describe('commune tier (cấp xã)', () => {
	it('routes a marital-status certificate asked for oneself (subject step hidden) by the requester\'s residence', () => {
		const r = route('1.004873', { requestFor: 'ban-than', requesterAddress: at(SOC_SON) });
		expect(r.problem).toBeUndefined();
		expect(r.options.length).toBeGreaterThan(0);
	});

	it('sends a temporary-residence registration to the police of the commune being registered', () => {
		const r = route('1.004194', { tempAddress: at(SOC_SON) });
		expect(r.options.map((o) => o.agency.code)).toEqual(['C01.11.30.H26']);
		expect(r.options[0].reason).toBe('nơi đăng ký tạm trú');
	});

	it('sends a birth registration to the People\'s Committee where the mother or the father lives, the applicant\'s own commune first', () => {
		const answers = { requesterAddress: at(THU_DAU_MOT), motherAddress: at(TRUONG_THI), fatherAddress: at(THU_DAU_MOT) };
		const r = route('1.001193', answers, THU_DAU_MOT);
		expect(names(r)).toEqual([
			['UBND phường Thủ Dầu Một, Hồ Chí Minh', 'nơi cư trú của người cha'],
			['UBND phường Trường Thi, Ninh Bình', 'nơi cư trú của người mẹ']
		]);
		expect(r.options.map((o) => [o.atHome, o.outsideHomeProvince])).toEqual([[true, false], [false, true]]);
	});

	it('gives one option with both reasons when the parents live in the same commune', () => {
		const r = route('1.001193', { motherAddress: at(HAI_VAN), fatherAddress: at(HAI_VAN) }, HAI_VAN);
		expect(names(r)).toEqual([['UBND phường Hải Vân, Đà Nẵng', 'nơi cư trú của người mẹ; nơi cư trú của người cha']]);
	});

	it('puts an agency of the applicant\'s province before one outside it, and flags the one outside', () => {
		const r = route('1.000894', { brideAddress: at(NHA_TRANG), groomAddress: at(PHU_LY) }, TRUONG_THI);
		expect(names(r)).toEqual([
			['UBND phường Phủ Lý, Ninh Bình', 'nơi cư trú của bên nam'],
			['UBND phường Nha Trang, Khánh Hoà', 'nơi cư trú của bên nữ']
		]);
		expect(r.options.map((o) => o.outsideHomeProvince)).toEqual([false, true]);
	});

	it('routes a death registration to the last residence, and to the place of death only when that is unknown', () => {
		expect(names(route('1.000656', { deceasedLastResidence: at(NHA_TRANG), deathPlace: at(HAI_VAN) }))).toEqual([
			['UBND phường Nha Trang, Khánh Hoà', 'nơi cư trú cuối cùng của người chết']
		]);
		expect(names(route('1.000656', { deathPlace: at(HAI_VAN) }))).toEqual([
			['UBND phường Hải Vân, Đà Nẵng', 'nơi người đó chết (vì không rõ nơi cư trú cuối cùng)']
		]);
	});

	it('sends a household business registration to the business registration office of the business\'s commune', () => {
		const r = route('1.001612', { ownerPermanentAddress: at(SOC_SON), businessAddress: at(TRUONG_THI) });
		expect(r.options.map((o) => o.agency.name)).toEqual(['Phòng Kinh tế, Hạ tầng và Đô thị UBND phường Trường Thi, Ninh Bình (đăng ký hộ kinh doanh)']);
	});

	it('accepts any commune for a certification (chứng thực), its own commune suggested', () => {
		const r = route('2.000815', { requesterAddress: at(NHA_TRANG) }, NHA_TRANG);
		expect(r.anywhere).toBe(true);
		expect(names(r)).toEqual([['UBND phường Nha Trang, Khánh Hoà', 'nơi cư trú của người yêu cầu']]);
		expect(isCompetent(r, directory.byPlace.get(`ubnd-xa:${HAI_VAN}`)!)).toBe(true);
		expect(isCompetent(r, directory.byPlace.get(`cong-an-xa:${NHA_TRANG}`)!)).toBe(false);
	});

	it('refuses an agency of another commune where the law names one place', () => {
		const r = route('1.004222', { newAddress: at(PHU_LY) });
		expect(isCompetent(r, directory.byPlace.get(`cong-an-xa:${PHU_LY}`)!)).toBe(true);
		expect(isCompetent(r, directory.byPlace.get(`cong-an-xa:${TRUONG_THI}`)!)).toBe(false);
		expect(isCompetent(r, directory.byPlace.get(`ubnd-xa:${PHU_LY}`)!)).toBe(false);
	});

	it('asks for the place when the answers have none', () => {
		const r = route('1.001193', {});
		expect(r.options).toEqual([]);
		expect(r.problem).toBe('Hãy nhập nơi cư trú của người mẹ hoặc nơi cư trú của người cha để biết cơ quan tiếp nhận hồ sơ.');
	});

	it('routes an old (pre-2025) address by the new commune it was mapped to', () => {
		const legacy = decodeLegacyUnits(JSON.parse(data('units/legacy.json')));
		// Phường Trường Thi, thành phố Nam Định, tỉnh Nam Định → phường Trường Thi, Ninh Bình.
		const suggestion = suggestNewCommunes(legacy, units, '13657')!;
		expect(suggestion.communes.map((c) => c.code)).toEqual([TRUONG_THI]);
		const address = { provinceCode: suggestion.provinceCode, communeCode: suggestion.communes[0].code, street: 'Số 2', legacy: { provinceCode: '36', districtCode: '356', communeCode: '13657' } };
		expect(names(route('1.004873', { subjectAddress: address }))).toEqual([
			['UBND phường Trường Thi, Ninh Bình', 'nơi cư trú của người cần xác nhận tình trạng hôn nhân']
		]);
	});
});

describe('province tier (cấp tỉnh)', () => {
	it('sends a civil-status extract request to the Sở Tư pháp of the applicant\'s province, received at the provincial centre', () => {
		const r = route('2.000635', { requesterAddress: at(HAI_VAN) }, HAI_VAN);
		expect(r.options).toHaveLength(1);
		expect(r.options[0]).toMatchObject({ atHome: true, outsideHomeProvince: false, reason: 'nơi cư trú của người yêu cầu' });
		expect(r.options[0].agency).toMatchObject({ code: '000.00.14.H48', name: 'Sở Tư pháp thành phố Đà Nẵng', desk: 'Trung tâm Phục vụ hành chính công thành phố Đà Nẵng' });
		expect(isCompetent(r, directory.byPlace.get('so-tu-phap:01')!)).toBe(false);
	});
});

describe('tiers with no agency in the directory', () => {
	const base: Procedure = procedure('1.004194');
	it('names no agency for a district-tier procedure (no district tier since 01/07/2025)', () => {
		const r = routeDossier({ ...base, tier: 'huyen' }, directory, units, [{ communeCode: SOC_SON, reason: 'x' }]);
		expect([r.options, r.problem]).toEqual([[], expect.stringMatching(/không còn cấp huyện/)]);
	});
	it('names no agency for a central-tier procedure', () => {
		const r = routeDossier({ ...base, tier: 'trung-uong' }, directory, units, [{ communeCode: SOC_SON, reason: 'x' }]);
		expect([r.options, r.problem]).toEqual([[], expect.stringMatching(/cơ quan trung ương/)]);
	});
});

describe('the rules cover the catalogue', () => {
	it('has a rule for every shipped procedure, naming address fields its form has', () => {
		for (const p of catalogue) {
			const rule = competenceRules[p.code];
			expect(rule, p.code).toBeDefined();
			const addressFields = new Set(p.form.sections.flatMap((s) => s.fields).filter((f) => f.type === 'address').map((f) => f.id));
			for (const place of rule.places) expect(addressFields.has(place.field), `${p.code} › ${place.field}`).toBe(true);
		}
	});
});
