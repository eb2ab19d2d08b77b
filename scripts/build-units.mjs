#!/usr/bin/env node
// Builds the compact administrative-unit files the app ships (data/units/*.json) from the
// upstream JSON files in a shared data folder. Run once by a developer and commit the output
// (a user's clone has no shared folder):
//
//   node scripts/build-units.mjs /work/shared/data
//
// Format (decoded by src/lib/domain/units.ts; bump FORMAT when it changes):
//   current.json  {v, date, p: [[provinceCode, name, typeCode, [[communeCode, name, typeCode], ...]], ...]}
//   legacy.json   {v, date, p: [[provinceCode, name, typeCode, newProvinceCodes,
//                   [[districtCode, name, typeCode, newCommuneCodes, [[communeCode, name, typeCode, newCommuneCodes], ...]], ...]], ...]}
// newCommuneCodes is a space-separated string ("00008 00025") so the common single-code case
// costs no array brackets; districtCode-level newCommuneCodes is only filled for the island
// districts that had no communes (they became "đặc khu").
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const FORMAT = 1;
const sourceDir = process.argv[2];
if (!sourceDir) {
	console.error('Usage: node scripts/build-units.mjs <folder with vn-admin-units-*.json>');
	process.exit(1);
}
const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'units');
const read = (name) => JSON.parse(readFileSync(join(sourceDir, name), 'utf8'));

const currentSource = read('vn-admin-units-2026-34-provinces.json');
const legacySource = read('vn-admin-units-pre-2025-63-provinces.json');
const mapping = read('vn-admin-units-2025-old-to-new-mapping.json');

// Longest prefixes first so "Thành phố" is not read as something shorter.
const TYPE_CODES = [
	['Thành phố', 'tp'],
	['Thị trấn', 'tt'],
	['Thị xã', 'tx'],
	['Đặc khu', 'đ'],
	['Phường', 'p'],
	['Huyện', 'h'],
	['Quận', 'q'],
	['Tỉnh', 't'],
	['Xã', 'x']
];
const notes = [];

/** Splits "Phường Ba Đình" into ['Ba Đình', 'p']; normalises the type word's capitals. */
function splitFullName(fullName, where) {
	const clean = fullName.trim().replace(/\s+/g, ' ');
	for (const [word, code] of TYPE_CODES) {
		if (clean.toLowerCase().startsWith(word.toLowerCase() + ' ')) {
			if (!clean.startsWith(word + ' ')) notes.push(`${where}: type word capitalised in "${fullName}"`);
			return [clean.slice(word.length + 1), code];
		}
	}
	throw new Error(`${where}: unknown unit type in "${fullName}"`);
}

// ---- current (34 provinces) ----
const currentCommunes = new Map(); // code -> {provinceCode, fullName}
const current = currentSource.map((p) => {
	const [name, type] = splitFullName(p.FullName, `province ${p.Code}`);
	const communes = [...p.Wards]
		.sort((a, b) => a.Code.localeCompare(b.Code))
		.map((w) => {
			if (w.ProvinceCode !== p.Code) throw new Error(`commune ${w.Code} lists province ${w.ProvinceCode}`);
			if (currentCommunes.has(w.Code)) throw new Error(`duplicate commune code ${w.Code}`);
			const [wName, wType] = splitFullName(w.FullName, `commune ${w.Code}`);
			currentCommunes.set(w.Code, { provinceCode: p.Code, name: wName });
			return [w.Code, wName, wType];
		});
	return [p.Code, name, type, communes];
});
const currentProvinceCodes = new Set(current.map((p) => p[0]));

// ---- mapping old -> new ----
const mapByOldCommune = new Map();
const mapByOldDistrict = new Map();
const mapByOldProvince = new Map();
for (const p of mapping.data) {
	mapByOldProvince.set(p.level1_id, p);
	for (const d of p.level2s ?? []) mapByOldDistrict.set(d.level2_id, d);
	for (const w of p.level3s) mapByOldCommune.set(w.level3_id, w);
}

/** Resolves mapping targets to codes that exist in current.json, within the allowed provinces. */
function newCommuneCodes(splits, allowedProvinces, where) {
	const codes = [];
	for (const s of splits) {
		let code = s.new_id;
		if (!currentCommunes.has(code)) {
			// The mapping predates a few code corrections; match by name inside the province.
			const [name] = splitFullName(s.name, where);
			const byName = [...currentCommunes].filter(
				([, c]) => c.name === name && allowedProvinces.includes(c.provinceCode)
			);
			if (byName.length !== 1) throw new Error(`${where}: cannot resolve new commune ${s.new_id} ${s.name}`);
			code = byName[0][0];
			notes.push(`${where}: mapping target ${s.new_id} "${s.name}" not in current data; resolved by name to ${code}`);
		}
		const provinceCode = currentCommunes.get(code).provinceCode;
		if (!allowedProvinces.includes(provinceCode)) {
			notes.push(
				`${where}: mapping target ${code} "${s.name}" lies in province ${provinceCode}, outside the old province's successor (${allowedProvinces.join(', ')}); dropped`
			);
			continue;
		}
		if (!codes.includes(code)) codes.push(code);
	}
	return codes.join(' ');
}

// ---- legacy (63 provinces) ----
const legacyCommuneCodes = new Set();
let legacyDistrictCount = 0;
const legacy = legacySource.map((p) => {
	const where = `old province ${p.Code}`;
	const [name, type] = splitFullName(p.FullName, where);
	const pm = mapByOldProvince.get(p.Code);
	if (!pm) throw new Error(`${where}: not in mapping`);
	const newProvinces = pm.splits.map((s) => s.new_id);
	for (const code of newProvinces) if (!currentProvinceCodes.has(code)) throw new Error(`${where}: successor ${code} unknown`);
	const districts = p.District.map((d) => {
		legacyDistrictCount++;
		const dWhere = `old district ${d.Code}`;
		const [dName, dType] = splitFullName(d.FullName, dWhere);
		const wards = d.Ward ?? [];
		let districtTargets = '';
		if (wards.length === 0) {
			const dm = mapByOldDistrict.get(d.Code);
			if (!dm) throw new Error(`${dWhere}: has no communes and no district mapping`);
			districtTargets = newCommuneCodes(dm.splits, newProvinces, dWhere);
			notes.push(`${dWhere} "${d.FullName}" had no communes; mapped as a whole to ${districtTargets}`);
		}
		const communes = wards.map((w) => {
			const wWhere = `old commune ${w.Code}`;
			legacyCommuneCodes.add(w.Code);
			const [wName, wType] = splitFullName(w.FullName, wWhere);
			const wm = mapByOldCommune.get(w.Code);
			if (!wm) {
				notes.push(`${wWhere} "${w.FullName}" missing from the mapping`);
				return [w.Code, wName, wType, ''];
			}
			return [w.Code, wName, wType, newCommuneCodes(wm.splits, newProvinces, wWhere)];
		});
		return [d.Code, dName, dType, districtTargets, communes];
	});
	return [p.Code, name, type, newProvinces.join(' '), districts];
});
const mappedButUnknown = [...mapByOldCommune.keys()].filter((code) => !legacyCommuneCodes.has(code));
if (mappedButUnknown.length > 0) {
	notes.push(
		`${mappedButUnknown.length} mapping entries name old communes absent from the pre-2025 list (dissolved before its cut-off); ignored: ${mappedButUnknown.join(', ')}`
	);
}
const missingFromMapping = [...legacyCommuneCodes].filter((code) => !mapByOldCommune.has(code)).length;
notes.push(`${missingFromMapping} old communes are missing from the mapping`);

// ---- write ----
mkdirSync(outDir, { recursive: true });
function write(name, data) {
	const text = JSON.stringify(data);
	writeFileSync(join(outDir, name), text + '\n');
	const raw = Buffer.byteLength(text);
	const gz = gzipSync(text, { level: 9 }).length;
	console.log(`${name}: ${(raw / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzip (level 9)`);
}
const communeCount = current.reduce((n, p) => n + p[3].length, 0);
write('current.json', { v: FORMAT, date: '2026-04-30', p: current });
write('legacy.json', { v: FORMAT, date: '2025-06-30', p: legacy });
console.log(`current: ${current.length} provinces, ${communeCount} communes`);
console.log(`legacy: ${legacy.length} provinces, ${legacyDistrictCount} districts, ${legacyCommuneCodes.size} communes`);
console.log('Data quality notes (copy the summary into data/units/SOURCES.md):');
for (const note of notes) console.log(`- ${note}`);
