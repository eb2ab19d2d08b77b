/**
 * How many new dossiers one actor may send (issue 12, defect 1). Each agency numbers at most
 * 9,999 dossiers a day (the national code format `<agency>-<yymmdd>-<nnnn>`), so without a
 * limit one account could take a whole day's numbers in seconds and every other citizen
 * would be refused. Counted in the database inside the submission's own transaction: a
 * refused or failed submission gives its count back, a replay of a received dossier never
 * reaches it, and several app instances share the counters.
 */
import type { Kysely } from 'kysely';
import type { SubmissionLimits } from '../config';
import type { Database } from '../db/types';
import { ApiError } from '../http/api-error';
import { hitRateLimit, vietnamDay } from '../rate-limit';

export interface Submitter {
	accountId: string;
	/** The client's network address (behind a proxy: see ADDRESS_HEADER in the README); absent for internal callers. */
	address?: string;
	agencyCode: string;
}

export async function countNewDossier(trx: Kysely<Database>, limits: SubmissionLimits, who: Submitter, now: Date): Promise<void> {
	const account = await hitRateLimit(trx, `submit:account:${who.accountId}`, vietnamDay(limits.perAccountPerDay), now);
	if (!account.allowed)
		throw new ApiError(
			'submission_limit',
			`Tài khoản này đã gửi ${limits.perAccountPerDay} hồ sơ mới hôm nay, mức tối đa cho một người trong ngày. Hồ sơ vẫn được giữ trên máy và sẽ tự gửi sau 0 giờ; việc gấp xin liên hệ bộ phận một cửa.`,
			{ retryAfterSeconds: Math.ceil(account.retryAfterMs / 1000) }
		);
	if (!who.address) return;
	const address = await hitRateLimit(trx, `submit:address:${who.agencyCode}:${who.address}`, vietnamDay(limits.perAddressPerAgencyPerDay), now);
	if (!address.allowed)
		throw new ApiError(
			'submission_limit',
			`Cơ quan này đã nhận ${limits.perAddressPerAgencyPerDay} hồ sơ hôm nay từ cùng một địa chỉ mạng với bạn. Hồ sơ vẫn được giữ trên máy và sẽ tự gửi sau 0 giờ, hoặc khi bạn dùng mạng khác (4G, Wi-Fi khác).`,
			{ retryAfterSeconds: Math.ceil(address.retryAfterMs / 1000) }
		);
}
