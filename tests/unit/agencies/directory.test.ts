/**
 * The agency directory shipped for every commune and province (data/agencies/directory.json):
 * complete, compact, keeps the codes earlier releases used, and a deployment's own directory
 * is checked by the same schema before it replaces the illustrative codes.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
	communeKinds,
	decodeAgencyDirectory,
	directoryRecords,
	directoryRecordSchema,
	encodeAgencyDirectory,
	provinceKinds,
	type DirectoryRecord
} from '$lib/domain/agency-directory';
import { decodeCurrentUnits } from '$lib/domain/units';

const read = (path: string) => readFileSync(new URL(`../../../data/${path}`, import.meta.url), 'utf8');
const units = decodeCurrentUnits(JSON.parse(read('units/current.json')));
const directoryText = read('agencies/directory.json');
const directory = decodeAgencyDirectory(JSON.parse(directoryText), units);
const pinned: { code: string; kind: string; name: string; provinceCode: string; communeCode: string | null }[] = JSON.parse(read('agencies.json')).agencies;

describe('the shipped directory', () => {
	it('has a People\'s Committee, police and business registration office for each of the 3,321 communes, and three bodies per province', () => {
		expect(units.communeByCode.size).toBe(3321);
		for (const commune of units.communeByCode.values())
			for (const kind of communeKinds) expect(directory.byPlace.get(`${kind}:${commune.code}`), `${kind} ${commune.code}`).toBeDefined();
		expect(units.provinces).toHaveLength(34);
		for (const province of units.provinces)
			for (const kind of provinceKinds) expect(directory.byPlace.get(`${kind}:${province.code}`), `${kind} ${province.code}`).toBeDefined();
		expect(directory.agencies).toHaveLength(3321 * 3 + 34 * 3);
	});

	it('gives every agency a unique code of the national shape, ending with its province\'s level-1 code', () => {
		expect(directory.byCode.size).toBe(directory.agencies.length);
		const level1 = new Map<string, string>();
		for (const a of directory.agencies) {
			expect(a.code).toMatch(/^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9]{2}$/);
			expect(level1.get(a.provinceCode) ?? a.code.slice(10)).toBe(a.code.slice(10));
			level1.set(a.provinceCode, a.code.slice(10));
		}
		expect(new Set(level1.values()).size).toBe(34);
	});

	it('marks the generated codes as illustrative', () => {
		expect(directory.agencies.every((a) => a.illustrative)).toBe(true);
	});

	it('keeps the code, kind, place and name of every agency of data/agencies.json', () => {
		expect(pinned.length).toBe(20);
		for (const a of pinned) expect(directory.byCode.get(a.code), a.code).toMatchObject({ kind: a.kind, name: a.name, provinceCode: a.provinceCode, communeCode: a.communeCode });
	});

	it('names agencies from the 2025 units, with the one-stop desk where the dossier is handed in', () => {
		expect(directory.byPlace.get('ubnd-xa:13777')).toMatchObject({ name: 'UBND phường Trường Thi, Ninh Bình', desk: 'Trung tâm Phục vụ hành chính công phường Trường Thi' });
		expect(directory.byPlace.get('so-tu-phap:37')).toMatchObject({ name: 'Sở Tư pháp tỉnh Ninh Bình', desk: 'Trung tâm Phục vụ hành chính công tỉnh Ninh Bình', communeCode: null });
		expect(directory.byPlace.get('cong-an-tinh:79')?.name).toBe('Công an thành phố Hồ Chí Minh');
		expect(directory.byPlace.get('dkkd-xa:13777')?.name).toBe('Phòng Kinh tế, Hạ tầng và Đô thị UBND phường Trường Thi, Ninh Bình (đăng ký hộ kinh doanh)');
		expect(directory.byPlace.get('cong-an-xa:00385')?.name).toBe('Công an xã Trung Giã, Hà Nội');
	});

	it('stays small enough for a phone on 2G (≤ 160 KB raw, ≤ 22 KB gzip)', () => {
		expect(directoryText.length).toBeLessThanOrEqual(160_000);
		expect(gzipSync(directoryText, { level: 9 }).length).toBeLessThanOrEqual(22_000);
	});

	it('refuses a file of another format with a message to reload', () => {
		expect(() => decodeAgencyDirectory({ v: 2, date: '', p: [] }, units)).toThrow(/Danh bạ cơ quan không đúng định dạng/);
	});
});

describe("importing a deployment's directory", () => {
	const records = directoryRecords(directory);
	const ninhBinh = (r: DirectoryRecord) => r.provinceCode === '37';
	const real = records.filter(ninhBinh).map((r) => ({ ...r, code: r.code.replace(/\.H37$/, '.H99').replace(/^000\.00\.14/, '000.00.77') }));
	const others = records.filter((r) => !ninhBinh(r));
	const allButNinhBinh = new Set(units.provinces.map((p) => p.code).filter((c) => c !== '37'));

	it('replaces a province\'s codes and names and drops its illustrative mark', () => {
		const renamed = real.map((r) => (r.kind === 'so-tu-phap' ? { ...r, name: 'Sở Tư pháp Ninh Bình (tên thật)' } : r));
		const file = encodeAgencyDirectory([...others, ...renamed], units, { illustrative: allButNinhBinh });
		const imported = decodeAgencyDirectory(file, units);
		expect(imported.byPlace.get('so-tu-phap:37')).toMatchObject({ code: '000.00.77.H99', name: 'Sở Tư pháp Ninh Bình (tên thật)', illustrative: false });
		expect(imported.byPlace.get('ubnd-xa:13777')).toMatchObject({ name: 'UBND phường Trường Thi, Ninh Bình', illustrative: false });
		expect(imported.byPlace.get('ubnd-xa:00376')).toMatchObject({ code: '001.11.30.H26', illustrative: true });
	});

	it('lists every problem: a commune without police, a code of another province, a duplicate, an unknown commune', () => {
		const broken = real.filter((r) => !(r.kind === 'cong-an-xa' && r.communeCode === '13777'));
		broken.push({ code: '000.00.01.H26', kind: 'dkkd-xa', provinceCode: '37', communeCode: '99999' });
		broken.push({ ...broken[0] });
		let message = '';
		try {
			encodeAgencyDirectory([...others, ...broken], units, { illustrative: allButNinhBinh });
		} catch (e) {
			message = (e as Error).message;
		}
		expect(message).toMatch(/Phường Trường Thi \(13777, Ninh Bình\): thiếu cong-an-xa/);
		expect(message).toMatch(/nhóm cuối của mã phải là mã cấp 1/);
		expect(message).toMatch(/trùng mã/);
		expect(message).toMatch(/không có xã mã 99999/);
	});

	it('checks each record with the domain schema and says what is wrong in Vietnamese', () => {
		const bad = directoryRecordSchema.safeParse({ code: '1.2.3', kind: 'ubnd-xa', provinceCode: '37', communeCode: '' });
		expect(bad.success).toBe(false);
		const messages = bad.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
		expect(messages).toEqual(expect.arrayContaining([expect.stringMatching(/^code: mã định danh có dạng/)]));
		const commune = directoryRecordSchema.safeParse({ code: '000.01.30.H37', kind: 'ubnd-xa', provinceCode: '37' });
		expect(commune.error?.issues.map((i) => i.message)).toEqual(['cơ quan cấp xã cần mã xã; cơ quan cấp tỉnh để trống mã xã']);
		expect(directoryRecordSchema.safeParse({ code: ' 000.00.14.H37 ', kind: 'so-tu-phap', provinceCode: '37', communeCode: '' }).data?.code).toBe('000.00.14.H37');
	});
});
