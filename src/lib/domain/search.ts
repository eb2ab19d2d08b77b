/**
 * Procedure search: the query parameters of GET /api/procedures (validated the same way
 * by the server and by the service worker) and an in-memory index over the catalogue.
 *
 * Matching (every query word must match, AND; diacritics and case are ignored):
 * - exact word ("chung" = "chứng"), or a prefix of a word ("khai" → "khai", "đăng k" → "ký");
 * - one typo (Damerau–Levenshtein distance 1) for words of 4+ letters, and for 3-letter
 *   words when the first letter is right ("hom" → "hôn", "bam" → "bản"). Vietnamese
 *   syllables are short, so a 4-letter floor would miss most slips; shorter words and a
 *   wrong first letter would match too much. A query word that is itself a catalogue word
 *   is taken as typed; if that finds nothing, the search runs again allowing a typo in one
 *   such word at a time;
 * - a procedure code, whole or in part ("1.001193", "001193");
 * - filler words ("thủ tục", "làm", "xin", "như thế nào", "how to") are optional: they add
 *   to the score when they match and never exclude a procedure;
 * - the same spelling on both sides (`searchWords`): common abbreviations written out ("đk"
 *   → "đăng ký", "cccd" → "căn cước công dân"), and "i"/"y" after a consonant taken as one
 *   ("đăng kí" = "đăng ký", "lí" = "lý");
 * - a word that sounds the same in one of the regional accents, where a typo would be allowed
 *   ("tạm chú" → "trú", "xinh" → "sinh", "dấy" → "giấy", "nàm" → "làm"), scored as a typo;
 * - English: the catalogue's English names (`nameEn`) and English keywords are indexed too.
 * Ranking: name > keywords > field/summary; exact > prefix > typo; the query as a phrase
 * (contiguous, or nearly) scores a bonus, a bigger one in the name and when the name starts
 * with it (after "Thủ tục "), and a query that is one of the keywords as a whole scores
 * one too; ties go to the shorter name, then the code.
 */
// zod/mini, as the wire schemas: the service worker answers the catalogue search with this code,
// and classic zod would add ≈ 10 KB to its script and to the catalogue page.
import { z } from 'zod/mini';
import type { OnlineLevel, ProcedureSummary } from './procedure';
import { tiers } from './labels';
import { searchWords, soundKey } from './search-words';
import { withinOneEdit } from './text';

// ---------- Query parameters ----------

const MAX_QUERY_LENGTH = 200;

/** `?tier=` from an empty <select> means "no filter", not an invalid value. */
const optionalText = <T extends z.ZodMiniType>(schema: T) =>
	z.pipe(
		z.transform((v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)),
		z.optional(schema)
	);

/** Old level numbers still used by people and links (mức độ 4 / 3, Decree 42/2022/NĐ-CP). */
const levelAliases: Record<string, OnlineLevel> = {
	'toan-trinh': 'toan-trinh',
	'mot-phan': 'mot-phan',
	'4': 'toan-trinh',
	'3': 'mot-phan'
};

export const procedureQuerySchema = z.object({
	q: optionalText(
		z.string().check(z.normalize('NFC'), z.trim(), z.maxLength(MAX_QUERY_LENGTH, `Từ khoá tìm kiếm dài quá ${MAX_QUERY_LENGTH} ký tự`))
	),
	agency: optionalText(z.string().check(z.trim())),
	field: optionalText(z.string().check(z.trim())),
	level: optionalText(
		z.pipe(
			z.string().check(
				z.trim(),
				z.refine((v) => v in levelAliases, {
					message:
						'Tham số level không hợp lệ: dùng toan-trinh (toàn trình, mức độ 4) hoặc mot-phan (một phần, mức độ 3)'
				})
			),
			z.transform((v: string) => levelAliases[v])
		)
	),
	tier: optionalText(
		z.enum(tiers, {
			error: `Tham số tier không hợp lệ: dùng một trong ${tiers.join(', ')}`
		})
	)
});

export type ProcedureQuery = z.output<typeof procedureQuerySchema>;

export type QueryError = { code: 'invalid_query'; message: string; fields: Record<string, string> };

export function parseProcedureQuery(
	searchParams: URLSearchParams
): { ok: true; query: ProcedureQuery } | { ok: false; error: QueryError } {
	const raw: Record<string, string> = {};
	for (const key of ['q', 'agency', 'field', 'level', 'tier']) {
		const v = searchParams.get(key);
		if (v !== null) raw[key] = v;
	}
	const r = procedureQuerySchema.safeParse(raw);
	if (r.success) return { ok: true, query: r.data };
	const fields: Record<string, string> = {};
	for (const issue of r.error.issues) fields[String(issue.path[0] ?? 'q')] ??= issue.message;
	return {
		ok: false,
		error: { code: 'invalid_query', message: Object.values(fields).join('. '), fields }
	};
}

// ---------- Index ----------

const folded = (text: string) => searchWords(text).join(' ');

const WEIGHT = { name: 10, nameEn: 10, code: 10, keyword: 6, field: 3, summary: 2, agency: 2 } as const;
const QUALITY = { exact: 1, prefix: 0.6, sound: 0.5, typo: 0.4 } as const;
/** Per query word, when the words appear together (contiguous, or within two extra words). */
const PHRASE_BONUS = { contiguous: 10, near: 6 } as const;
/** Per query word, when the name (without "Thủ tục ") starts with the whole query. */
const START_BONUS = 6;
/**
 * Per word of the longest run of query words side by side in the name, when the whole
 * query is not together anywhere in it. Kept below the near-phrase bonus so that "khai sinh
 * con" prefers the procedure whose keywords say "khai sinh cho con" over the one whose name
 * has "khai sinh" and, six words later, an unrelated "con".
 */
const PARTIAL_RUN_BONUS = 2;
/** Per query word, when the whole query is one of the procedure's keywords: they list what people type. */
const KEYWORD_BONUS = 8;
/** Filler words people add around the thing they want (folded). */
const STOP_PHRASES = [
	['thu', 'tuc'],
	['nhu', 'the', 'nao'],
	['the', 'nao'],
	['o', 'dau'],
	['truc', 'tuyen'],
	['online'],
	['cach'],
	['lam'],
	['xin'],
	['muon'],
	// English, as people type it: "how to get a birth certificate".
	['how', 'to'],
	['how', 'do', 'i'],
	['i', 'need'],
	['i', 'want'],
	['get'],
	['apply', 'for'],
	['a'],
	['an'],
	['the']
];

type ChunkKind = keyof typeof WEIGHT;
type Chunk = { kind: ChunkKind; weight: number; words: Int32Array; start: number };
type IndexedProcedure = {
	procedure: ProcedureSummary;
	chunks: Chunk[];
	/** Where the name starts once a leading "Thủ tục" is dropped (0 or 2), and its length then. */
	nameStart: number;
	nameLength: number;
	foldedField: string;
	foldedAgency: string;
};

export type SearchIndex = {
	procedures: IndexedProcedure[];
	vocabulary: string[];
	/** vocabulary id → its sound key (`soundKey`) */
	sounds: string[];
	/** word → vocabulary id */
	ids: Map<string, number>;
	/** vocabulary id → ids of the procedures that contain the word. */
	postings: Int32Array[];
};

/** A list item: the summary a list shows (not the keywords) and its score. */
export type SearchResult = { items: (Omit<ProcedureSummary, 'keywords'> & { score: number })[]; total: number };

export function createSearchIndex(procs: ProcedureSummary[]): SearchIndex {
	const vocabulary: string[] = [];
	const ids = new Map<string, number>();
	const postings: number[][] = [];
	const wordIds = (text: string, doc: number) => {
		const words = searchWords(text);
		const out = new Int32Array(words.length);
		for (let i = 0; i < words.length; i++) {
			let id = ids.get(words[i]);
			if (id === undefined) {
				id = vocabulary.push(words[i]) - 1;
				ids.set(words[i], id);
				postings.push([]);
			}
			// Procedures are indexed in order, so a repeat can only be the last entry.
			if (postings[id][postings[id].length - 1] !== doc) postings[id].push(doc);
			out[i] = id;
		}
		return out;
	};
	const procedures = procs.map((p, doc): IndexedProcedure => {
		const name = wordIds(p.name, doc);
		const nameStart = name.length > 2 && vocabulary[name[0]] === 'thu' && vocabulary[name[1]] === 'tuc' ? 2 : 0;
		const chunk = (kind: ChunkKind, words: Int32Array, start = 0): Chunk => ({ kind, weight: WEIGHT[kind], words, start });
		const chunks: Chunk[] = [
			chunk('name', name, nameStart),
			...(p.nameEn ? [chunk('nameEn', wordIds(p.nameEn, doc))] : []),
			// "1.001193" is one word; also index "001193" so the number alone finds it.
			chunk('code', wordIds(`${p.code} ${p.code.split('.')[1] ?? ''}`, doc)),
			...p.keywords.map((k) => chunk('keyword', wordIds(k, doc))),
			chunk('field', wordIds(p.field, doc)),
			chunk('summary', wordIds(p.summary, doc)),
			chunk('agency', wordIds(p.agency.name, doc))
		];
		return {
			procedure: p,
			chunks,
			nameStart,
			nameLength: name.length - nameStart,
			foldedField: folded(p.field),
			foldedAgency: folded(p.agency.name)
		};
	});
	return { procedures, vocabulary, sounds: vocabulary.map(soundKey), ids, postings: postings.map((docs) => Int32Array.from(docs)) };
}

// ---------- Search ----------

type QueryWord = { text: string; optional: boolean };

/** Query words, with filler phrases marked optional (unless the query is only filler). */
function queryWords(q: string): QueryWord[] {
	const words = searchWords(q).map((text) => ({ text, optional: false }));
	for (let i = 0; i < words.length; i++) {
		const phrase = STOP_PHRASES.find((p) => p.every((w, k) => words[i + k]?.text === w));
		if (phrase) for (let k = 0; k < phrase.length; k++) words[i + k].optional = true;
		if (phrase) i += phrase.length - 1;
	}
	if (words.every((w) => w.optional)) for (const w of words) w.optional = false;
	return words;
}

function typoAllowed(word: string, candidate: string): boolean {
	if (/\d/.test(word) || candidate.length < 3) return false;
	return word.length >= 4 || (word.length === 3 && word[0] === candidate[0]);
}

/** For one query word: the match quality of every vocabulary word (0 = no match). */
function matchTable(index: SearchIndex, word: string, typos: boolean): Float64Array {
	const table = new Float64Array(index.vocabulary.length);
	const sound = soundKey(word);
	index.vocabulary.forEach((v, id) => {
		if (v === word) table[id] = QUALITY.exact;
		else if (v.startsWith(word)) table[id] = QUALITY.prefix;
		else if (typos && sound.length >= 3 && index.sounds[id] === sound) table[id] = QUALITY.sound;
		else if (typos && typoAllowed(word, v) && withinOneEdit(word, v)) table[id] = QUALITY.typo;
	});
	return table;
}

/** Smallest window of `words` holding the query words in order (its length and start). */
function phraseSpan(words: Int32Array, tables: Float64Array[]): { span: number; at: number } {
	let best = { span: Infinity, at: -1 };
	for (let start = 0; start < words.length; start++) {
		if (!tables[0][words[start]]) continue;
		let pos = start;
		let k = 1;
		for (; k < tables.length; k++) {
			pos++;
			while (pos < words.length && !tables[k][words[pos]]) pos++;
			if (pos >= words.length) break;
		}
		if (k < tables.length) break; // later starts cannot fit the rest either
		if (pos - start + 1 < best.span) best = { span: pos - start + 1, at: start };
	}
	return best;
}

/** Longest run of consecutive query words found side by side in `words`. */
function longestRun(words: Int32Array, tables: Float64Array[]): number {
	let longest = 0;
	for (let start = 0; start < words.length; start++)
		for (let k = 0; k < tables.length; k++) {
			let len = 0;
			while (k + len < tables.length && start + len < words.length && tables[k + len][words[start + len]]) len++;
			longest = Math.max(longest, len);
		}
	return longest;
}

const bestBuffer = new Float64Array(32);

function scoreProcedure(
	doc: IndexedProcedure,
	words: QueryWord[],
	tables: Float64Array[],
	required: Float64Array[]
): number | null {
	// Best weighted match of each query word anywhere in the procedure, in one pass.
	const best = words.length <= bestBuffer.length ? bestBuffer.fill(0, 0, words.length) : new Float64Array(words.length);
	for (const chunk of doc.chunks)
		for (const w of chunk.words)
			for (let i = 0; i < tables.length; i++) {
				const q = chunk.weight * tables[i][w];
				if (q > best[i]) best[i] = q;
			}
	let score = 0;
	for (let i = 0; i < words.length; i++) {
		if (best[i] === 0 && !words[i].optional) return null;
		score += best[i];
	}
	const n = required.length;
	if (n < 2) {
		const starts = n === 1 && doc.chunks.some((c) => (c.kind === 'name' || c.kind === 'nameEn') && c.words[c.start] !== undefined && required[0][c.words[c.start]]);
		return starts ? score + START_BONUS : score;
	}
	let phrase = 0;
	for (const chunk of doc.chunks) {
		if (chunk.kind === 'code') continue;
		const { span, at } = phraseSpan(chunk.words, required);
		const inName = chunk.kind === 'name' || chunk.kind === 'nameEn';
		let bonus = span === n ? PHRASE_BONUS.contiguous : span <= n + 2 ? PHRASE_BONUS.near : 0;
		if (inName && span === n && at === chunk.start) bonus += START_BONUS;
		if (bonus > 0) phrase = Math.max(phrase, n * bonus * (inName ? 1.5 : 1));
		else if (inName) phrase = Math.max(phrase, PARTIAL_RUN_BONUS * longestRun(chunk.words, required));
	}
	return score + phrase;
}

/** The filters of a query as one test, with the free-text values folded once. */
function filterOf(query: ProcedureQuery): (doc: IndexedProcedure) => boolean {
	const agency = query.agency && folded(query.agency);
	const field = query.field && folded(query.field);
	return ({ procedure: p, foldedAgency, foldedField }) =>
		(!query.tier || p.tier === query.tier) &&
		(!query.level || p.onlineLevel === query.level) &&
		(!query.agency || p.agency.id === query.agency || foldedAgency === agency) &&
		(!query.field || p.field === query.field || foldedField === field);
}

/**
 * The query is one of the procedure's keywords, word for word under the match tables (so
 * also when typed with a slip or a sound-alike), with or without its filler words.
 */
const isKeyword = (doc: IndexedProcedure, tables: Float64Array[]) =>
	tables.length > 0 && doc.chunks.some((c) => c.kind === 'keyword' && c.words.length === tables.length && tables.every((t, i) => t[c.words[i]] > 0));

/**
 * The summary fields a list shows, written out: faster than a spread, and the same shape on the
 * wire. Not the keywords: they are searched, never shown, and were 4.3 KB of the 11.7 KB answer
 * that /procedures carries inlined in its HTML for a 2G first visit.
 */
const withScore = (p: ProcedureSummary, score: number) => ({
	code: p.code,
	name: p.name,
	...(p.nameEn ? { nameEn: p.nameEn } : {}),
	field: p.field,
	tier: p.tier,
	agency: p.agency,
	onlineLevel: p.onlineLevel,
	summary: p.summary,
	score
});
const collator = new Intl.Collator('vi');
const compareCodes = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
const round = (x: number) => Math.round(x * 100) / 100;

type Found = Map<IndexedProcedure, number>;

/** Score every procedure that matches all required words under the given match tables. */
function run(index: SearchIndex, accept: (doc: IndexedProcedure) => boolean, words: QueryWord[], tables: Float64Array[], found: Found) {
	// Candidates: procedures holding a match for every required word (from the postings).
	const hits = new Int32Array(index.procedures.length);
	const required = tables.filter((_, i) => !words[i].optional);
	tables.forEach((table, i) => {
		if (words[i].optional) return;
		const seen = new Uint8Array(index.procedures.length);
		table.forEach((quality, id) => {
			if (quality) for (const doc of index.postings[id]) if (!seen[doc]) (seen[doc] = 1), hits[doc]++;
		});
	});
	hits.forEach((count, i) => {
		const doc = index.procedures[i];
		if (count < required.length || !accept(doc)) return;
		let score = scoreProcedure(doc, words, tables, required);
		if (score !== null && (isKeyword(doc, tables) || isKeyword(doc, required))) score += KEYWORD_BONUS * words.length;
		if (score !== null) found.set(doc, Math.max(found.get(doc) ?? 0, round(score)));
	});
}

export function searchProcedures(index: SearchIndex, query: ProcedureQuery): SearchResult {
	const words = queryWords(query.q ?? '');
	if (words.length === 0) {
		const items = index.procedures
			.filter(filterOf(query))
			.map((doc) => withScore(doc.procedure, 0))
			.sort((a, b) => collator.compare(a.name, b.name) || compareCodes(a, b));
		return { items, total: items.length };
	}
	// Words that are not catalogue words get typo matching straight away.
	const tables = words.map((w) => matchTable(index, w.text, !index.ids.has(w.text)));
	const found: Found = new Map();
	const accept = filterOf(query);
	run(index, accept, words, tables, found);
	// Nothing found: one of the catalogue words may be a slip for another ("hôm" for "hôn").
	// Allow a typo in one word at a time, so that slips in several known words do not add
	// up to matches that have little to do with the query.
	if (found.size === 0)
		words.forEach((w, i) => {
			if (w.optional || !index.ids.has(w.text)) return;
			run(index, accept, words, tables.map((t, k) => (k === i ? matchTable(index, w.text, true) : t)), found);
		});
	const ranked: { doc: IndexedProcedure; score: number }[] = [];
	for (const [doc, score] of found) ranked.push({ doc, score });
	ranked.sort(
		(a, b) => b.score - a.score || a.doc.nameLength - b.doc.nameLength || compareCodes(a.doc.procedure, b.doc.procedure)
	);
	const items = ranked.map(({ doc, score }) => withScore(doc.procedure, score));
	return { items, total: items.length };
}
