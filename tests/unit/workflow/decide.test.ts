import { describe, expect, it } from 'vitest';
import { canTransition, type DossierStatus } from '$lib/domain/dossier';
import { workingCalendar } from '$lib/domain/holidays';
import { actionDefinitions, availableActions, decideAction, dueMarker, type Actor, type WorkflowDossier } from '$lib/domain/workflow';
import { actionNames, actionRequestSchema, type ActionRequest, type ActionRequestInput } from '$lib/domain/wire/workflow';

const OFFICER: Actor = { role: 'officer', accountId: 'officer-1', agencyCode: 'C01.11.30.H26' };
const OTHER_OFFICER: Actor = { role: 'officer', accountId: 'officer-2', agencyCode: 'C01.11.30.H26' };
const FOREIGN_OFFICER: Actor = { role: 'officer', accountId: 'officer-9', agencyCode: '001.11.30.H40' };
const OWNER: Actor = { role: 'citizen', accountId: 'citizen-a', agencyCode: null };
const STRANGER: Actor = { role: 'citizen', accountId: 'citizen-b', agencyCode: null };
const ADMIN: Actor = { role: 'admin', accountId: 'admin-1', agencyCode: null };

/** Monday 2 March 2026, 10:00 in Vietnam. */
const NOW = new Date('2026-03-02T03:00:00Z');
const ctx = { now: NOW, calendar: workingCalendar };

function dossier(status: DossierStatus, overrides: Partial<WorkflowDossier> = {}): WorkflowDossier {
	return {
		status,
		appointmentDate: '2026-03-05',
		agencyCode: 'C01.11.30.H26',
		ownerId: 'citizen-a',
		assigneeId: null,
		processingTime: { kind: 'working-days', days: 3 },
		resultFileRequired: false,
		...overrides
	};
}

let n = 0;
function request(input: Record<string, unknown> & { action: ActionRequestInput['action'] }): ActionRequest {
	n += 1;
	return actionRequestSchema.parse({ requestId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, ...input });
}

const SAMPLE: Record<ActionRequest['action'], Record<string, unknown> & { action: ActionRequest['action'] }> = {
	accept: { action: 'accept' },
	refuse: { action: 'refuse', reason: 'Hồ sơ không thuộc thẩm quyền' },
	start: { action: 'start' },
	'request-supplement': { action: 'request-supplement', missing: ['Hợp đồng thuê nhà'], note: 'Bổ sung bản chụp hợp đồng thuê nhà có chữ ký' },
	supplement: { action: 'supplement', note: 'Đã bổ sung' },
	'request-payment': { action: 'request-payment', amount: 15000, items: [{ name: 'Lệ phí', amount: 15000 }] },
	finish: { action: 'finish' },
	return: { action: 'return' },
	stop: { action: 'stop', reason: 'Người nộp đề nghị dừng' },
	extend: { action: 'extend', newDate: '2026-03-10', apology: 'Cơ quan xin lỗi vì chậm trả kết quả do cần xác minh thêm.' },
	withdraw: { action: 'withdraw' },
	release: { action: 'release' }
};

const actorFor = (action: ActionRequest['action']) => (actionDefinitions[action].actor === 'citizen' ? OWNER : OFFICER);

describe('decideAction: every action from every status', () => {
	for (const action of actionNames) {
		const def = actionDefinitions[action];
		it(`${action}: allowed exactly from ${def.from.join(', ')}, leading to ${def.to}`, () => {
			for (const status of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as DossierStatus[]) {
				const d = dossier(status, action === 'release' ? { assigneeId: OFFICER.accountId } : {});
				const decision = decideAction(d, actorFor(action), request(SAMPLE[action]), ctx);
				if (def.from.includes(status)) {
					expect(decision.kind, `${action} from ${status}`).toBe('apply');
					if (decision.kind !== 'apply') continue;
					expect(decision.from).toBe(status);
					expect(decision.to).toBe(def.to === 'same' ? status : def.to);
					if (def.to !== 'same') expect(canTransition(status, decision.to), `${status} → ${decision.to} in dossier.ts`).toBe(true);
				} else {
					expect(decision, `${action} from ${status}`).toMatchObject({ kind: 'refused', code: 'status_changed', status: { code: status } });
				}
			}
		});
	}
});

describe('decideAction: what each action carries', () => {
	it('accept recomputes the appointment from the moment of acceptance in working days', () => {
		// Received Friday 27 Feb; accepted Monday 2 March 10:00 → 3 working days → Thursday 5 March.
		const d = decideAction(dossier(1, { appointmentDate: '2026-03-04' }), OFFICER, request(SAMPLE.accept), ctx);
		expect(d).toMatchObject({ kind: 'apply', to: 2, appointmentDate: '2026-03-05', assigneeId: 'officer-1' });
		// After 15:00 the clock starts the next working day.
		const late = decideAction(dossier(1), OFFICER, request(SAMPLE.accept), { ...ctx, now: new Date('2026-03-02T09:00:00Z') });
		expect(late).toMatchObject({ appointmentDate: '2026-03-06' });
	});

	it('refuse and stop record the reason; the schema refuses a missing or too short one', () => {
		expect(decideAction(dossier(1), OFFICER, request(SAMPLE.refuse), ctx)).toMatchObject({ payload: { reason: 'Hồ sơ không thuộc thẩm quyền' } });
		const missing = actionRequestSchema.safeParse({ requestId: crypto.randomUUID(), action: 'refuse', reason: ' ' });
		expect(missing.success).toBe(false);
		expect(missing.error?.issues[0].message).toMatch(/lý do/);
	});

	it('request-supplement needs the missing papers and a note', () => {
		const d = decideAction(dossier(4), OFFICER, request(SAMPLE['request-supplement']), ctx);
		expect(d).toMatchObject({ to: 5, note: 'Bổ sung bản chụp hợp đồng thuê nhà có chữ ký', payload: { missing: ['Hợp đồng thuê nhà'] } });
		expect(actionRequestSchema.safeParse({ requestId: crypto.randomUUID(), action: 'request-supplement', missing: [], note: 'Thiếu giấy' }).success).toBe(false);
	});

	it('request-payment: the amount must be the sum of the items, in whole đồng', () => {
		expect(decideAction(dossier(4), OFFICER, request(SAMPLE['request-payment']), ctx)).toMatchObject({ to: 6, payload: { amount: 15000 } });
		const wrong = decideAction(dossier(4), OFFICER, request({ ...SAMPLE['request-payment'], amount: 20000 }), ctx);
		expect(wrong).toMatchObject({ kind: 'refused', code: 'invalid_input', fields: { amount: expect.any(String) } });
		expect(actionRequestSchema.safeParse({ ...SAMPLE['request-payment'], requestId: crypto.randomUUID(), amount: 1.5 }).success).toBe(false);
	});

	it('finish of a "toàn trình" procedure needs the result file', () => {
		const level4 = dossier(4, { resultFileRequired: true });
		expect(decideAction(level4, OFFICER, request(SAMPLE.finish), ctx)).toMatchObject({ kind: 'refused', code: 'invalid_input', fields: { result: expect.any(String) } });
		const withFile = request({ action: 'finish', result: { sha256: 'a'.repeat(64), name: 'ket-qua.pdf' } });
		expect(decideAction(level4, OFFICER, withFile, ctx)).toMatchObject({ kind: 'apply', to: 9, payload: { result: { name: 'ket-qua.pdf' } } });
	});

	it('extend moves the appointment to a later date with the apology letter, keeping the status', () => {
		const d = decideAction(dossier(4), OFFICER, request(SAMPLE.extend), ctx);
		expect(d).toMatchObject({ kind: 'apply', to: 4, appointmentDate: '2026-03-10', payload: { previousDate: '2026-03-05', newDate: '2026-03-10' } });
		const earlier = decideAction(dossier(4), OFFICER, request({ ...SAMPLE.extend, newDate: '2026-03-05' }), ctx);
		expect(earlier).toMatchObject({ kind: 'refused', code: 'invalid_input', fields: { newDate: expect.any(String) } });
		expect(actionRequestSchema.safeParse({ ...SAMPLE.extend, requestId: crypto.randomUUID(), apology: 'xin lỗi' }).success).toBe(false);
	});

	it('withdraw is the citizen leaving any open dossier (status 7); supplement returns it to processing', () => {
		for (const s of [1, 2, 4, 5, 6] as DossierStatus[]) expect(decideAction(dossier(s), OWNER, request(SAMPLE.withdraw), ctx)).toMatchObject({ to: 7 });
		expect(decideAction(dossier(5, { assigneeId: 'officer-1' }), OWNER, request(SAMPLE.supplement), ctx)).toMatchObject({ to: 4, assigneeId: 'officer-1' });
	});
});

describe('decideAction: who may act', () => {
	it('refuses a citizen taking an officer action and an officer taking a citizen action', () => {
		expect(decideAction(dossier(1), OWNER, request(SAMPLE.accept), ctx)).toMatchObject({ kind: 'refused', code: 'forbidden' });
		expect(decideAction(dossier(5), OFFICER, request(SAMPLE.supplement), ctx)).toMatchObject({ kind: 'refused', code: 'forbidden' });
		expect(decideAction(dossier(1), ADMIN, request(SAMPLE.accept), ctx)).toMatchObject({ kind: 'refused', code: 'forbidden' });
	});

	it("answers another agency's officer and another citizen as if the dossier did not exist", () => {
		expect(decideAction(dossier(1), FOREIGN_OFFICER, request(SAMPLE.accept), ctx)).toMatchObject({ kind: 'refused', code: 'not_found' });
		expect(decideAction(dossier(1), STRANGER, request(SAMPLE.withdraw), ctx)).toMatchObject({ kind: 'refused', code: 'not_found' });
	});

	it('one officer holds a dossier: another officer of the agency is told who', () => {
		const held = dossier(2, { assigneeId: 'officer-1', assigneeName: 'Trần Thị Cán Bộ' });
		const d = decideAction(held, OTHER_OFFICER, request(SAMPLE.start), ctx);
		expect(d).toMatchObject({ kind: 'refused', code: 'assigned_to_other' });
		expect(d.kind === 'refused' && d.message).toContain('Trần Thị Cán Bộ');
		expect(availableActions(held, OTHER_OFFICER)).toEqual([]);
		expect(availableActions(held, OFFICER)).toEqual(['start', 'request-supplement', 'stop', 'extend', 'release']);
		expect(decideAction(held, OFFICER, request(SAMPLE.release), ctx)).toMatchObject({ kind: 'apply', assigneeId: null, to: 2 });
	});
});

describe('decideAction: retries and moved statuses', () => {
	it('a retried request id is a replay, even after the status moved on', () => {
		const first = request(SAMPLE.accept);
		const applied = { requestId: first.requestId, action: 'accept' };
		expect(decideAction(dossier(2), OFFICER, first, { ...ctx, applied })).toEqual({ kind: 'replay', requestId: first.requestId });
		expect(decideAction(dossier(4), OFFICER, first, { ...ctx, applied })).toEqual({ kind: 'replay', requestId: first.requestId });
	});

	it('a request id reused for another action is refused', () => {
		const r = request(SAMPLE.refuse);
		expect(decideAction(dossier(2), OFFICER, r, { ...ctx, applied: { requestId: r.requestId, action: 'accept' } })).toMatchObject({ code: 'request_reused' });
	});

	it('refuses with the current status when the status the person saw has moved on', () => {
		const stale = request({ ...SAMPLE.extend, expectedStatus: 2 });
		expect(decideAction(dossier(4), OFFICER, stale, ctx)).toMatchObject({ kind: 'refused', code: 'status_changed', status: { code: 4, name: 'Đang xử lý' } });
	});
});

describe('availableActions and due markers', () => {
	it('offers only the next allowed actions for the role', () => {
		expect(availableActions(dossier(1), OFFICER)).toEqual(['accept', 'refuse']);
		expect(availableActions(dossier(4), OFFICER)).toEqual(['request-supplement', 'request-payment', 'finish', 'stop', 'extend']);
		expect(availableActions(dossier(5), OWNER)).toEqual(['supplement', 'withdraw']);
		expect(availableActions(dossier(10), OFFICER)).toEqual([]);
		expect(availableActions(dossier(4), FOREIGN_OFFICER)).toEqual([]);
	});

	it('marks overdue and due-today dossiers that are still on the desk', () => {
		expect(dueMarker(4, '2026-03-01', '2026-03-02')).toBe('overdue');
		expect(dueMarker(2, '2026-03-02', '2026-03-02')).toBe('today');
		expect(dueMarker(4, '2026-03-03', '2026-03-02')).toBeNull();
		expect(dueMarker(10, '2026-03-01', '2026-03-02')).toBeNull();
	});
});
