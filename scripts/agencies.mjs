#!/usr/bin/env node
// Writes the agency directory the app ships (data/agencies/directory.json), decoded by
// src/lib/domain/agency-directory.ts (the format is documented there). Two ways:
//
//   node scripts/agencies.mjs generate
//       Illustrative codes for every commune and province of data/units/current.json, keeping
//       the codes of data/agencies.json (earlier releases, tests and demo data refer to them).
//
//   node scripts/agencies.mjs import <directory.csv | directory.json>
//       A deployment's real directory: one record per agency with the columns/keys
//       code, kind, provinceCode, communeCode, name (see data/agencies/SOURCES.md). Each record
//       is checked with the domain schema; a province given in the file replaces the
//       generated one entirely and is no longer marked illustrative, so every commune of it
//       must have its UBND and police. Other provinces keep what the directory had.
//
// Both print the size the phone downloads (raw and gzip).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { runnerImport } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outFile = join(root, 'data', 'agencies', 'directory.json');
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

// The domain module is TypeScript: load it through Vite, as the app does.
const load = async (path) => (await runnerImport(path, { root, configFile: false, logLevel: 'silent', oxc: { tsconfig: false }, resolve: { alias: { $lib: join(root, 'src/lib') } } })).module;
const directoryModule = await load('/src/lib/domain/agency-directory.ts');
const unitsModule = await load('/src/lib/domain/units.ts');
const units = unitsModule.decodeCurrentUnits(readJson(join(root, 'data', 'units', 'current.json')));

/** Base 36, two characters: the level-3 group has room for 1,296 communes per province. */
const b36 = (n) => n.toString(36).toUpperCase().padStart(2, '0');

/**
 * Illustrative codes (the real ones are not published in one machine-readable list):
 *   level 1  province: the code data/agencies.json already used (Hà Nội H26, Nghệ An H40,
 *            Cần Thơ H13), otherwise "H" + the two-digit GSO province code;
 *   provincial bodies  000.00.14 Sở Tư pháp, 000.00.15 Công an tỉnh, 000.00.01 Trung tâm PVHCC;
 *   commune bodies     level 2 "30" (communes), level 3 the commune's place in the province's
 *            code order (base 36), level 4 "000" UBND, "C00" police, "K00" business registration.
 * Codes of data/agencies.json are kept as they are (their level 4 is 001–003, so they never collide).
 */
function generate() {
	const pinned = [];
	const existing = readJson(join(root, 'data', 'agencies.json')).agencies;
	for (const a of existing) pinned.push({ code: a.code, kind: a.kind, provinceCode: a.provinceCode, communeCode: a.communeCode ?? '', name: a.name });
	const pinnedAt = new Map(pinned.map((r) => [`${r.kind}:${r.communeCode || r.provinceCode}`, r]));
	const level1 = new Map(pinned.map((r) => [r.provinceCode, r.code.slice(10)]));
	const records = [];
	const take = (record) => records.push(pinnedAt.get(`${record.kind}:${record.communeCode || record.provinceCode}`) ?? record);
	for (const province of units.provinces) {
		const l1 = level1.get(province.code) ?? `H${province.code}`;
		take({ code: `000.00.14.${l1}`, kind: 'so-tu-phap', provinceCode: province.code, communeCode: '' });
		take({ code: `000.00.15.${l1}`, kind: 'cong-an-tinh', provinceCode: province.code, communeCode: '' });
		take({ code: `000.00.01.${l1}`, kind: 'ttpvhcc-tinh', provinceCode: province.code, communeCode: '' });
		units.communesByProvince.get(province.code).forEach((commune, i) => {
			const tail = `${b36(i)}.30.${l1}`;
			take({ code: `000.${tail}`, kind: 'ubnd-xa', provinceCode: province.code, communeCode: commune.code });
			take({ code: `C00.${tail}`, kind: 'cong-an-xa', provinceCode: province.code, communeCode: commune.code });
			take({ code: `K00.${tail}`, kind: 'dkkd-xa', provinceCode: province.code, communeCode: commune.code });
		});
	}
	return { records, illustrative: new Set(units.provinces.map((p) => p.code)) };
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks; first row = header. */
function parseCsv(text) {
	const rows = [];
	let row = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
			else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') row.push(field), (field = '');
		else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			row.push(field), rows.push(row), (row = []), (field = '');
		} else field += c;
	}
	if (field !== '' || row.length) row.push(field), rows.push(row);
	const [header, ...body] = rows.filter((r) => r.some((f) => f.trim() !== ''));
	const keys = header.map((h) => h.replace(/^\uFEFF/, '').trim());
	return body.map((r) => Object.fromEntries(keys.map((k, i) => [k, r[i] ?? ''])));
}

function importFile(path) {
	const raw = path.endsWith('.json') ? readJson(path) : parseCsv(readFileSync(path, 'utf8'));
	const rows = Array.isArray(raw) ? raw : raw.agencies;
	if (!Array.isArray(rows)) throw new Error(`${path}: cần một mảng bản ghi (hoặc {"agencies": [...]}) hoặc tệp CSV có dòng tiêu đề`);
	const problems = [];
	const imported = rows.flatMap((row, i) => {
		const r = directoryModule.directoryRecordSchema.safeParse(row);
		if (r.success) return [r.data];
		for (const issue of r.error.issues) problems.push(`dòng ${i + 1} › ${issue.path.join('.') || '(bản ghi)'}: ${issue.message}`);
		return [];
	});
	if (problems.length) throw new Error(`${path}: ${problems.length} bản ghi không hợp lệ:\n  ${problems.slice(0, 30).join('\n  ')}`);
	const current = directoryModule.decodeAgencyDirectory(readJson(outFile), units);
	const replaced = new Set(imported.map((r) => r.provinceCode));
	const kept = directoryModule.directoryRecords(current).filter((r) => !replaced.has(r.provinceCode));
	const illustrative = new Set(current.agencies.filter((a) => a.illustrative && !replaced.has(a.provinceCode)).map((a) => a.provinceCode));
	return { records: [...kept, ...imported], illustrative };
}

const [command, file] = process.argv.slice(2);
if (command !== 'generate' && !(command === 'import' && file)) {
	console.error('Usage: node scripts/agencies.mjs generate | import <directory.csv|directory.json>');
	process.exit(1);
}
try {
	const { records, illustrative } = command === 'generate' ? generate() : importFile(file);
	const encoded = directoryModule.encodeAgencyDirectory(records, units, { illustrative });
	// Decoding it again is the app's own check.
	const decoded = directoryModule.decodeAgencyDirectory(encoded, units);
	const text = JSON.stringify(encoded);
	mkdirSync(dirname(outFile), { recursive: true });
	writeFileSync(outFile, text + '\n');
	console.log(
		`${outFile}: ${decoded.agencies.length} agencies, ${units.communeByCode.size} communes, ${units.provinces.length} provinces ` +
			`(${illustrative.size} illustrative); ${text.length + 1} bytes, ${gzipSync(text + '\n', { level: 9 }).length} bytes gzip`
	);
} catch (e) {
	console.error(e.message);
	process.exit(1);
}
