/**
 * The satisfaction rating after the result (status 10): once per dossier, by its owner, on
 * the national 1–5 scale with the standard questions; the desk sees its agency's aggregate.
 */
import type { Kysely } from 'kysely';
import { ratingQuestions, ratingRequestSchema, type RatingSummary, type RatingView } from '$lib/domain/wire/results';
import type { Database } from '../db/types';
import { ApiError } from '../http/api-error';
import { parseWith } from '../http/respond';
import { isUniqueViolation } from '../dossiers/transaction';

const NOT_FOUND = 'Không tìm thấy hồ sơ này trong tài khoản của bạn.';

export async function rateDossier(db: Kysely<Database>, accountId: string, dossierId: string, body: unknown, now = new Date()): Promise<RatingView> {
	const request = parseWith(ratingRequestSchema, body, 'invalid_input', 'Đánh giá chưa hợp lệ');
	if (!/^[0-9a-f-]{36}$/i.test(dossierId)) throw new ApiError('not_found', NOT_FOUND);
	const dossier = await db.selectFrom('dossiers').select(['account_id', 'agency_code', 'status']).where('id', '=', dossierId).executeTakeFirst();
	if (!dossier || dossier.account_id !== accountId) throw new ApiError('not_found', NOT_FOUND);
	if (Number(dossier.status) !== 10) throw new ApiError('action_not_allowed', 'Bạn đánh giá được sau khi nhận kết quả hồ sơ.');
	const row = { dossier_id: dossierId, account_id: accountId, agency_code: dossier.agency_code, score: request.score, answers: JSON.stringify(request.answers), comment: request.comment || null, created_at: now.toISOString() };
	try {
		await db.insertInto('dossier_ratings').values(row).execute();
	} catch (error) {
		if (isUniqueViolation(error)) throw new ApiError('already_rated', 'Bạn đã đánh giá hồ sơ này; mỗi hồ sơ được đánh giá một lần.');
		throw error;
	}
	return viewOf(row);
}

const viewOf = (r: { score: number; answers: string; comment: string | null; created_at: string }): RatingView => ({
	score: Number(r.score),
	answers: JSON.parse(r.answers),
	comment: r.comment,
	createdAt: r.created_at
});

export async function ratingOf(db: Kysely<Database>, dossierId: string): Promise<RatingView | null> {
	const row = await db.selectFrom('dossier_ratings').select(['score', 'answers', 'comment', 'created_at']).where('dossier_id', '=', dossierId).executeTakeFirst();
	return row ? viewOf(row) : null;
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/** The agency's ratings in aggregate (an administrator without an agency sees every agency's). */
export async function ratingSummary(db: Kysely<Database>, agencyCode: string | null): Promise<RatingSummary> {
	let query = db.selectFrom('dossier_ratings').select(['score', 'answers']);
	if (agencyCode) query = query.where('agency_code', '=', agencyCode);
	const rows = await query.execute();
	const byScore = [1, 2, 3, 4, 5].map((s) => rows.filter((r) => Number(r.score) === s).length);
	const answers = rows.map((r) => JSON.parse(r.answers) as Record<string, number>);
	const mean = (values: number[]) => (values.length ? oneDecimal(values.reduce((a, b) => a + b, 0) / values.length) : null);
	return {
		agencyCode,
		count: rows.length,
		average: mean(rows.map((r) => Number(r.score))),
		byScore,
		questions: Object.fromEntries(ratingQuestions.map((q) => [q, mean(answers.map((a) => a[q]).filter((v) => typeof v === 'number'))]))
	};
}
