import { describe, expect, it } from 'vitest';
import { citizenDetails, citizenHeadline, closingReason, missingPapers, openSupplementRequest, resultOf, type TimelineEvent } from '$lib/domain/timeline';

const ev = (action: string | null, to: number, extra: Partial<TimelineEvent> = {}): TimelineEvent => ({
	action,
	actor: { role: action === 'supplement' || action === 'withdraw' || action === 'submit' ? 'citizen' : 'officer' },
	to: { code: to, name: `status ${to}` },
	note: null,
	payload: null,
	...extra
});

describe("a dossier's events in the citizen's words", () => {
	it('names each action from the citizen\'s side, and falls back to the status for the first receipt row and unknown actions', () => {
		expect(citizenHeadline(ev('accept', 2))).toBe('Cơ quan đã tiếp nhận hồ sơ');
		expect(citizenHeadline(ev('request-supplement', 5))).toBe('Cơ quan yêu cầu bổ sung giấy tờ');
		expect(citizenHeadline(ev(null, 1))).toBe('Bạn đã nộp hồ sơ trực tuyến');
		expect(citizenHeadline(ev('something-new', 4))).toBe('status 4');
	});

	it('lists what is missing, the reason, the amount, the new date with the apology, the result and whose note it is', () => {
		expect(citizenDetails(ev('request-supplement', 5, { payload: { missing: ['Hợp đồng thuê nhà', 'Ảnh CCCD'] }, note: 'Chụp rõ' }))).toEqual([
			'Cần bổ sung: Hợp đồng thuê nhà; Ảnh CCCD.',
			'Ghi chú của cán bộ: Chụp rõ'
		]);
		expect(citizenDetails(ev('refuse', 3, { payload: { reason: 'Sai thẩm quyền' } }))).toEqual(['Lý do: Sai thẩm quyền']);
		expect(citizenDetails(ev('request-payment', 6, { payload: { amount: 20000, items: [] } }))).toEqual(['Số tiền: 20.000 đồng.']);
		expect(citizenDetails(ev('extend', 4, { payload: { previousDate: '2026-03-09', newDate: '2026-03-12', apology: 'Xin lỗi ông/bà vì chậm trễ.' } }))).toEqual([
			'Ngày hẹn trả kết quả mới: 12/03/2026.',
			'Thư xin lỗi của cơ quan: Xin lỗi ông/bà vì chậm trễ.'
		]);
		expect(citizenDetails(ev('finish', 9, { payload: { result: { sha256: 'a'.repeat(64), name: 'kq.pdf' } } }))).toEqual(['Kết quả điện tử đã sẵn sàng để tải về.']);
		expect(citizenDetails(ev('supplement', 4, { payload: { resubmitted: true, version: 2 }, note: 'Đã bổ sung' }))).toEqual([
			'Hồ sơ được cập nhật (lần nộp thứ 2).',
			'Ghi chú của bạn: Đã bổ sung'
		]);
	});

	it('ignores payload fields that belong to another action or have the wrong type', () => {
		expect(missingPapers(ev('refuse', 3, { payload: { missing: ['x'] } }))).toEqual([]);
		expect(citizenDetails(ev('refuse', 3, { payload: { reason: 42 } }))).toEqual([]);
		expect(resultOf(ev('finish', 9, { payload: { result: { sha256: 1 } } }))).toBeNull();
		expect(missingPapers(ev('request-supplement', 5, { payload: { missing: ['Giấy A', 7] } }))).toEqual(['Giấy A']);
	});

	it('finds the supplement request still open (the last one, only while the dossier waits in status 5)', () => {
		const first = ev('request-supplement', 5, { payload: { missing: ['A'] } });
		const second = ev('request-supplement', 5, { payload: { missing: ['B'] } });
		const events = [ev(null, 1), ev('accept', 2), first, ev('supplement', 4), second];
		expect(openSupplementRequest(events, 5)).toBe(second);
		expect(openSupplementRequest(events, 4)).toBeNull();
	});

	it("gives the reason of a refused or stopped dossier, and none while it is open", () => {
		const events = [ev(null, 1), ev('accept', 2), ev('stop', 8, { payload: { reason: 'Người nộp không bổ sung đúng hạn' } })];
		expect(closingReason(events, 8)).toBe('Người nộp không bổ sung đúng hạn');
		expect(closingReason(events, 4)).toBeNull();
	});
});

describe('the manifest of a supplement', () => {
	const sha = (n: number) => String(n).repeat(64).slice(0, 64);
	const sent = {
		version: 1 as const,
		procedureCode: '1.004194',
		answers: { hoTen: 'Nguyễn Văn Dân', giayTo: [{ sha256: sha(1), name: 'cccd.jpg', size: 10, type: 'image/jpeg' }] },
		attachments: [{ slot: 'giayTo', sha256: sha(1), name: 'cccd.jpg', size: 10, type: 'image/jpeg' as const }],
		delivery: { method: 'counter' as const },
		agencyCode: 'C01.11.30.H26',
		submittedAt: '2026-03-02T03:00:00.000Z'
	};

	it('adds each new paper to its slot in the answers and to the attachment list, keeps the rest, and never lists a file twice', async () => {
		const { supplementManifest } = await import('$lib/domain/supplement');
		const added = [
			{ slot: 'giayTo', sha256: sha(2), name: 'hop-dong.pdf', size: 20, type: 'application/pdf' as const },
			{ slot: 'khac', sha256: sha(3), name: 'anh.png', size: 30, type: 'image/png' as const },
			{ slot: 'giayTo', sha256: sha(1), name: 'cccd.jpg', size: 10, type: 'image/jpeg' as const }
		];
		const next = supplementManifest(sent, added, '2026-03-04T03:00:00.000Z');
		expect(next.answers.giayTo).toEqual([sent.answers.giayTo[0], { sha256: sha(2), name: 'hop-dong.pdf', size: 20, type: 'application/pdf' }]);
		expect(next.answers.khac).toEqual([{ sha256: sha(3), name: 'anh.png', size: 30, type: 'image/png' }]);
		expect(next.attachments.map((a) => `${a.slot}/${a.sha256[0]}`)).toEqual(['giayTo/1', 'giayTo/2', 'khac/3']);
		expect([next.answers.hoTen, next.procedureCode, next.agencyCode, next.submittedAt]).toEqual(['Nguyễn Văn Dân', '1.004194', 'C01.11.30.H26', '2026-03-04T03:00:00.000Z']);
		expect(sent.attachments).toHaveLength(1);
	});
});
