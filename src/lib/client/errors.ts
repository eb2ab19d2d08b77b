/**
 * The browser's one error path: whatever failed (an `ApiFailure`, a storage error, a bug),
 * `messageOf` gives the sentence to show. Pages show it beside what the person was doing and
 * keep every value typed: an error never navigates away or clears a form.
 */
import { ApiFailure } from './api/request';

/** What to tell the person; '' for an abort they caused themselves. */
export function messageOf(error: unknown, fallback = 'Đã có lỗi. Những gì bạn đã nhập vẫn được giữ trên máy; hãy thử lại.'): string {
	if ((error as Error)?.name === 'AbortError') return '';
	if (error instanceof ApiFailure) return error.message;
	if (isQuotaError(error)) return QUOTA_MESSAGE;
	if (error instanceof Error && error.message && !/^[A-Z][a-zA-Z]+Error\b/.test(error.message)) return error.message;
	return fallback;
}

export const QUOTA_MESSAGE =
	'Bộ nhớ của máy đã đầy nên chưa lưu được. Những gì đã lưu trước đó vẫn còn; hãy xoá bớt hồ sơ nháp hoặc tệp không cần rồi thử lại.';

/** IndexedDB / Cache Storage refused a write for want of space (Dexie wraps the DOMException). */
export function isQuotaError(error: unknown): boolean {
	const e = error as { name?: string; inner?: { name?: string } } | null;
	return e?.name === 'QuotaExceededError' || e?.inner?.name === 'QuotaExceededError';
}
