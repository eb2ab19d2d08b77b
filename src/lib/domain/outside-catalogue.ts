/**
 * Requests people often type that no procedure of this catalogue answers: a new ID card
 * ("làm cccd") or a passport are issued by the police through their own channels. Search
 * would otherwise offer the nearest words ("chứng thực bản sao" for "cccd") as if they were
 * the answer; the page says where the thing is done instead, above any results.
 */
import { searchWords } from './search-words';

export type OutsideTopic = 'id-card' | 'passport';

type Rule = { topic: OutsideTopic; any: readonly string[]; unless: readonly string[] };

// Phrases in searchWords' spelling (folded, abbreviations written out).
const RULES: readonly Rule[] = [
	{
		topic: 'id-card',
		any: ['can cuoc', 'chung minh nhan dan', 'id card', 'identity card', 'citizen id'],
		// A copy of the card to certify is a procedure of this catalogue.
		unless: ['chung thuc', 'ban sao', 'sao y', 'photo', 'cong chung', 'copy', 'certif', 'notari']
	},
	{ topic: 'passport', any: ['ho chieu', 'passport'], unless: [] }
];

/** Topics of `query` that are done outside this catalogue (none for most queries). */
export function outsideCatalogue(query: string): OutsideTopic[] {
	const text = ` ${searchWords(query).join(' ')} `;
	const has = (phrase: string) => text.includes(` ${phrase}`);
	return RULES.filter((r) => r.any.some(has) && !r.unless.some(has)).map((r) => r.topic);
}
