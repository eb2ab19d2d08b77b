/**
 * The store's link to the papers the state holds: `GET /api/documents` merged into the
 * device's store (db/papers.ts), a paper's bytes fetched back on request. A failure without a
 * connection or a session is not a problem to show: the store works from what it has.
 */
import { documentsApi } from './api/documents';
import { ApiFailure } from './api/request';
import type { AccountDb } from './db/account-db';
import { fetchPaperBack, mergeServerPapers, type MergeResult } from './db/papers';
import type { StoredDocument } from './db/document-record';
import type { HeldSlot } from '$lib/domain/wire/documents';

const papersApi = documentsApi();

export type Refreshed = { ok: true; merged: MergeResult; held?: HeldSlot[] } | { ok: false; quiet: boolean; error: unknown };

/** Asks the server for the account's papers (with `procedure`, also the slots they fill) and keeps them in the store. */
export async function refreshServerPapers(db: AccountDb, procedure?: string): Promise<Refreshed> {
	try {
		const answer = await papersApi.listPapers(procedure);
		return { ok: true, merged: await mergeServerPapers(db, answer), ...(answer.held ? { held: answer.held } : {}) };
	} catch (error) {
		const quiet = error instanceof ApiFailure && (error.kind === 'network' || error.signedOut);
		return { ok: false, quiet, error };
	}
}

/** The paper's missing bytes from the server (checked by SHA-256); the bytes downloaded. */
export const fetchServerPaper = (db: AccountDb, paper: StoredDocument): Promise<number> => fetchPaperBack(db, paper, papersApi.fetchPaperFile);

/** One question per procedure for all of a form's attachment slots (each slot asks; the first one fetches). */
const forForm = new Map<string, { at: number; answer: Promise<Refreshed> }>();
const FORM_REFRESH_MS = 60_000;

export function refreshForForm(db: AccountDb, procedure: string, now = Date.now()): Promise<Refreshed> {
	const key = `${db.accountId}/${procedure}`;
	const cached = forForm.get(key);
	if (cached && now - cached.at < FORM_REFRESH_MS) return cached.answer;
	const answer = refreshServerPapers(db, procedure);
	forForm.set(key, { at: now, answer });
	return answer;
}
