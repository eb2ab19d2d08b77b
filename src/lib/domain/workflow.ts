/**
 * The dossier's life after submission: which actions exist, who may take each, from which
 * status and to which, what each must carry, and `decideAction` — the one pure function the
 * server runs (inside the transaction that records the event) to accept or refuse an action.
 *
 * Legal frame: NĐ 61/2018/NĐ-CP (one-stop receipt, supplement requests, the apology letter
 * when a result is late — "phiếu xin lỗi và hẹn lại ngày trả kết quả", Điều 19 khoản 1 điểm c
 * and Mẫu 05), kept by NĐ 118/2025/NĐ-CP; statuses are the national sync codes (dossier.ts).
 */
import { appointmentDate, type Calendar } from './calendar';
import { dossierStatusNames, type DossierStatus } from './dossier';
import type { ProcessingTime } from './procedure';
import { vietnamDate, type IsoDate } from './time';
import type { ErrorCode } from './wire/envelope';
import type { ActionName, ActionRequest } from './wire/workflow';

export type { ActionName, ActionRequest } from './wire/workflow';
export { actionNames } from './wire/workflow';

export type ActorRole = 'officer' | 'citizen' | 'system';

export interface ActionDefinition {
	name: ActionName;
	actor: ActorRole;
	/** Statuses the action may start from. */
	from: readonly DossierStatus[];
	/** The status it leads to; 'same' keeps the status (an extension, a release). */
	to: DossierStatus | 'same';
	/** "tiếp nhận": for messages such as "Không thể tiếp nhận hồ sơ …". */
	verb: string;
}

const OPEN: readonly DossierStatus[] = [1, 2, 4, 5, 6];
const IN_PROGRESS: readonly DossierStatus[] = [2, 4, 5, 6];

export const actionDefinitions: Record<ActionName, ActionDefinition> = {
	accept: { name: 'accept', actor: 'officer', from: [1], to: 2, verb: 'tiếp nhận' },
	refuse: { name: 'refuse', actor: 'officer', from: [1], to: 3, verb: 'từ chối tiếp nhận' },
	// From 6 once the fees are settled at the counter (online payment is another module).
	start: { name: 'start', actor: 'officer', from: [2, 6], to: 4, verb: 'chuyển sang xử lý' },
	'request-supplement': { name: 'request-supplement', actor: 'officer', from: [2, 4], to: 5, verb: 'yêu cầu bổ sung' },
	supplement: { name: 'supplement', actor: 'citizen', from: [5], to: 4, verb: 'bổ sung' },
	'request-payment': { name: 'request-payment', actor: 'officer', from: [4], to: 6, verb: 'yêu cầu thực hiện nghĩa vụ tài chính cho' },
	finish: { name: 'finish', actor: 'officer', from: [4], to: 9, verb: 'hoàn thành xử lý' },
	return: { name: 'return', actor: 'officer', from: [9], to: 10, verb: 'trả kết quả' },
	stop: { name: 'stop', actor: 'officer', from: IN_PROGRESS, to: 8, verb: 'dừng xử lý' },
	extend: { name: 'extend', actor: 'officer', from: IN_PROGRESS, to: 'same', verb: 'gia hạn' },
	withdraw: { name: 'withdraw', actor: 'citizen', from: OPEN, to: 7, verb: 'rút' },
	release: { name: 'release', actor: 'officer', from: [1, 2, 4, 5, 6, 9], to: 'same', verb: 'trả lại phân công' }
};

/** What the decision needs to know about the dossier (read under the transaction's lock). */
export interface WorkflowDossier {
	status: DossierStatus;
	appointmentDate: IsoDate;
	agencyCode: string;
	/** The citizen who submitted it. */
	ownerId: string;
	/** The officer who holds it, if any. */
	assigneeId: string | null;
	assigneeName?: string | null;
	processingTime: ProcessingTime;
	/** A "toàn trình" procedure returns its result as a file: finishing needs one. */
	resultFileRequired: boolean;
}

export interface Actor {
	role: ActorRole | 'admin';
	accountId: string;
	agencyCode: string | null;
}

/** The event already recorded under this request id for this dossier, if any. */
export interface AppliedRequest {
	requestId: string;
	action: string | null;
}

export interface DecideContext {
	now: Date;
	calendar: Calendar;
	applied?: AppliedRequest | null;
}

export type Refusal = {
	kind: 'refused';
	code: Extract<ErrorCode, 'forbidden' | 'not_found' | 'status_changed' | 'assigned_to_other' | 'request_reused' | 'invalid_input' | 'action_not_allowed'>;
	message: string;
	fields?: Record<string, string>;
	/** The dossier's current status, for `status_changed`. */
	status?: { code: DossierStatus; name: string };
};

export type Decision =
	| { kind: 'replay'; requestId: string }
	| Refusal
	| {
			kind: 'apply';
			action: ActionName;
			from: DossierStatus;
			to: DossierStatus;
			appointmentDate: IsoDate;
			assigneeId: string | null;
			note: string | null;
			/** What the action carried, as recorded in the event (without request id and note). */
			payload: Record<string, unknown> | null;
	  };

const statusValue = (s: DossierStatus) => ({ code: s, name: dossierStatusNames[s] });

const refuse = (code: Refusal['code'], message: string, extra: Partial<Refusal> = {}): Refusal => ({ kind: 'refused', code, message, ...extra });

/** May this actor act on this dossier at all (before looking at the status)? */
function checkActor(def: ActionDefinition, dossier: WorkflowDossier, actor: Actor): Refusal | null {
	if (def.actor === 'citizen') {
		if (actor.role !== 'citizen') return refuse('forbidden', `Chỉ người nộp hồ sơ mới được ${def.verb} hồ sơ.`);
		// Someone else's dossier is indistinguishable from none.
		if (actor.accountId !== dossier.ownerId) return refuse('not_found', 'Không tìm thấy hồ sơ này trong tài khoản của bạn.');
		return null;
	}
	if (def.actor === 'officer') {
		if (actor.role !== 'officer') return refuse('forbidden', `Chỉ cán bộ của cơ quan tiếp nhận mới được ${def.verb} hồ sơ.`);
		if (!actor.agencyCode || actor.agencyCode !== dossier.agencyCode)
			return refuse('not_found', 'Không tìm thấy hồ sơ này trong cơ quan của bạn.');
		return null;
	}
	return actor.role === 'system' ? null : refuse('forbidden', 'Thao tác này do hệ thống thực hiện.');
}

/** The officer holding the dossier, when it is not this officer. */
function heldByOther(dossier: WorkflowDossier, actor: Actor): boolean {
	return actor.role === 'officer' && dossier.assigneeId !== null && dossier.assigneeId !== actor.accountId;
}

/**
 * Decides one action request against the dossier as it is now. Pure: the server reads the
 * dossier and any event with the same request id under a lock, calls this, and writes
 * exactly what an 'apply' says (event row + status) in the same transaction.
 */
export function decideAction(dossier: WorkflowDossier, actor: Actor, request: ActionRequest, ctx: DecideContext): Decision {
	const def = actionDefinitions[request.action];
	const who = checkActor(def, dossier, actor);
	if (who) return who;

	// A retry of a request already applied: the same answer, nothing applied twice.
	if (ctx.applied) {
		if (ctx.applied.action === request.action) return { kind: 'replay', requestId: ctx.applied.requestId };
		return refuse('request_reused', 'Mã yêu cầu này đã được dùng cho một thao tác khác; hãy tải lại hồ sơ rồi thử lại.');
	}

	const current = statusValue(dossier.status);
	const moved = request.expectedStatus !== undefined && request.expectedStatus !== dossier.status;
	if (moved || !def.from.includes(dossier.status))
		return refuse('status_changed', `Không thể ${def.verb} hồ sơ: hồ sơ đang ở trạng thái "${current.name}". Hãy xem lại hồ sơ.`, { status: current });

	if (def.actor === 'officer' && heldByOther(dossier, actor))
		return refuse('assigned_to_other', `Hồ sơ đang do cán bộ ${dossier.assigneeName ?? 'khác'} xử lý; chỉ người đó mới thao tác được.`);

	const to = def.to === 'same' ? dossier.status : def.to;
	const base = {
		kind: 'apply' as const,
		action: request.action,
		from: dossier.status,
		to,
		appointmentDate: dossier.appointmentDate,
		// Acting on a dossier takes it; releasing gives it back; the citizen never changes who holds it.
		assigneeId: def.actor === 'officer' ? actor.accountId : dossier.assigneeId,
		note: request.note ? request.note : null,
		payload: null as Record<string, unknown> | null
	};

	switch (request.action) {
		case 'accept':
			// The time limit runs from the moment the desk receives the dossier (NĐ 61/2018 Điều 19).
			return { ...base, appointmentDate: appointmentDate(ctx.calendar, ctx.now, dossier.processingTime) };
		case 'refuse':
		case 'stop':
			return { ...base, payload: { reason: request.reason } };
		case 'request-supplement':
			return { ...base, payload: { missing: request.missing } };
		case 'supplement':
			return { ...base, payload: request.manifest ? { resubmitted: true } : null };
		case 'request-payment': {
			const sum = request.items.reduce((s, i) => s + i.amount, 0);
			if (sum !== request.amount)
				return refuse('invalid_input', `Tổng các khoản (${sum} đồng) khác số tiền yêu cầu (${request.amount} đồng).`, {
					fields: { amount: 'Số tiền phải bằng tổng các khoản thu' }
				});
			return { ...base, payload: { amount: request.amount, items: request.items } };
		}
		case 'finish':
			if (dossier.resultFileRequired && !request.result)
				return refuse('invalid_input', 'Thủ tục toàn trình: hãy đính kèm tệp kết quả để người dân tải về.', {
					fields: { result: 'Hãy chọn tệp kết quả (PDF hoặc ảnh)' }
				});
			return { ...base, payload: request.result ? { result: request.result } : null };
		case 'extend': {
			const today = vietnamDate(ctx.now).date;
			if (request.newDate <= dossier.appointmentDate || request.newDate < today)
				return refuse('invalid_input', 'Ngày hẹn mới phải sau ngày hẹn hiện tại.', { fields: { newDate: `Hãy chọn ngày sau ${dossier.appointmentDate}` } });
			return { ...base, appointmentDate: request.newDate, payload: { previousDate: dossier.appointmentDate, newDate: request.newDate, apology: request.apology } };
		}
		case 'release':
			if (dossier.assigneeId !== actor.accountId)
				return refuse('action_not_allowed', 'Bạn không giữ hồ sơ này nên không có gì để trả lại.');
			return { ...base, assigneeId: null };
		case 'start':
		case 'return':
		case 'withdraw':
			return base;
	}
}

/** The actions this actor may take now, in the order the desk shows them. */
export function availableActions(dossier: WorkflowDossier, actor: Actor): ActionName[] {
	return (Object.values(actionDefinitions) as ActionDefinition[])
		.filter((def) => def.from.includes(dossier.status) && checkActor(def, dossier, actor) === null)
		.filter((def) => (def.actor === 'officer' ? !heldByOther(dossier, actor) : true))
		.filter((def) => def.name !== 'release' || dossier.assigneeId === actor.accountId)
		.map((def) => def.name);
}

/** Overdue (past the appointment date) or due today, for a dossier still being handled. */
export function dueMarker(status: DossierStatus, appointment: IsoDate, today: IsoDate): 'overdue' | 'today' | null {
	if (![1, 2, 4, 5, 6, 9].includes(status)) return null;
	if (appointment < today) return 'overdue';
	return appointment === today ? 'today' : null;
}
