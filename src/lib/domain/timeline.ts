/**
 * A dossier's events in the citizen's words. The desk, the citizen's timeline and the
 * notifications all read the same event rows; this module only says what each one means to
 * the person who sent the dossier, so the two sides can never tell different stories: the
 * status, the time, the officer's note and what was asked are the event's own.
 *
 * Plain strings only: what an officer typed (a note, a reason, a missing paper) is shown as
 * text by every caller, never as markup.
 */
import { formatDate } from './time';

/** An event as the wire carries it (wire/workflow.ts `DossierEventView`); notifications build the same shape. */
export interface TimelineEvent {
	action: string | null;
	/** role: 'officer' | 'citizen' | 'system' | 'admin'. */
	actor: { role: string };
	/** The status the event led to. */
	to: { code: number; name: string };
	note: string | null;
	payload: Record<string, unknown> | null;
}

const HEADLINES: Record<string, string> = {
	submit: 'Bạn đã nộp hồ sơ trực tuyến',
	accept: 'Cơ quan đã tiếp nhận hồ sơ',
	refuse: 'Cơ quan không tiếp nhận hồ sơ',
	start: 'Hồ sơ đang được xử lý',
	'request-supplement': 'Cơ quan yêu cầu bổ sung giấy tờ',
	supplement: 'Bạn đã gửi bổ sung hồ sơ',
	'request-payment': 'Cơ quan yêu cầu thực hiện nghĩa vụ tài chính',
	paid: 'Đã nộp phí, lệ phí',
	'match-transfer': 'Cơ quan đã đối soát khoản chuyển khoản của bạn',
	finish: 'Đã có kết quả giải quyết',
	return: 'Đã trả kết quả',
	stop: 'Cơ quan dừng xử lý hồ sơ',
	extend: 'Cơ quan hẹn lại ngày trả kết quả',
	withdraw: 'Bạn đã rút hồ sơ',
	release: 'Hồ sơ được chuyển cho cán bộ khác'
};

/** One line saying what happened, from the citizen's side of the counter. */
export function citizenHeadline(e: TimelineEvent): string {
	if (e.action && HEADLINES[e.action]) return HEADLINES[e.action];
	// The receipt itself (no action on the first event row) and anything a newer release adds.
	return e.to.code === 1 && !e.action ? HEADLINES.submit : e.to.name;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The papers an officer asked for in a supplement request. */
export const missingPapers = (e: TimelineEvent): string[] => (e.action === 'request-supplement' ? strings(e.payload?.missing) : []);

/** The reason given for refusing or stopping, if any. */
export function reasonOf(e: TimelineEvent): string | null {
	const reason = e.payload?.reason;
	return (e.action === 'refuse' || e.action === 'stop') && typeof reason === 'string' ? reason : null;
}

/** The result file an officer attached when finishing, if any. */
export function resultOf(e: TimelineEvent): { sha256: string; name: string } | null {
	const r = e.payload?.result as { sha256?: unknown; name?: unknown } | undefined;
	return e.action === 'finish' && r && typeof r.sha256 === 'string' && typeof r.name === 'string' ? { sha256: r.sha256, name: r.name } : null;
}

/**
 * The facts under the headline (what is missing, why, how much, the new date, the officer's
 * note), one sentence each. `appointmentDate` is the date the event set, for an extension
 * recorded before the payload carried it.
 */
export function citizenDetails(e: TimelineEvent, appointmentDate?: string): string[] {
	const p = e.payload ?? {};
	const lines: string[] = [];
	const missing = missingPapers(e);
	if (missing.length) lines.push(`Cần bổ sung: ${missing.join('; ')}.`);
	const reason = reasonOf(e);
	if (reason) lines.push(`Lý do: ${reason}`);
	if (e.action === 'request-payment' && typeof p.amount === 'number') lines.push(`Số tiền: ${p.amount.toLocaleString('vi-VN')} đồng.`);
	if (e.action === 'extend') {
		const date = typeof p.newDate === 'string' ? p.newDate : appointmentDate;
		if (date) lines.push(`Ngày hẹn trả kết quả mới: ${formatDate(date)}.`);
		if (typeof p.apology === 'string') lines.push(`Thư xin lỗi của cơ quan: ${p.apology}`);
	}
	if (resultOf(e)) lines.push('Kết quả điện tử đã sẵn sàng để tải về.');
	if (e.action === 'supplement' && typeof p.version === 'number') lines.push(`Hồ sơ được cập nhật (lần nộp thứ ${p.version}).`);
	if (e.note) lines.push(e.actor.role === 'citizen' ? `Ghi chú của bạn: ${e.note}` : `Ghi chú của cán bộ: ${e.note}`);
	return lines;
}

/** The supplement request the citizen still has to answer: the last one, while the dossier waits for it (status 5). */
export function openSupplementRequest<E extends TimelineEvent>(events: readonly E[], status: number): E | null {
	if (status !== 5) return null;
	for (let i = events.length - 1; i >= 0; i--) if (events[i].action === 'request-supplement') return events[i];
	return null;
}

/** Why a refused (3) or stopped (8) dossier ended: the last event that gave a reason. */
export function closingReason(events: readonly TimelineEvent[], status: number): string | null {
	if (status !== 3 && status !== 8) return null;
	for (let i = events.length - 1; i >= 0; i--) {
		const reason = reasonOf(events[i]);
		if (reason) return reason;
	}
	return null;
}
