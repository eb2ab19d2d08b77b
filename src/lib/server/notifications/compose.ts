/**
 * What the citizen is told about a dossier event, on each channel. Plain text everywhere
 * (e-mail as text/plain, SMS, the push notification's body): what an officer typed is never
 * interpreted as markup. SMS without diacritics (one GSM-7 segment holds 160 letters, a
 * Vietnamese one with accents only 70).
 */
import { citizenDetails } from '$lib/domain/timeline';
import { statusName } from '$lib/domain/wire/dossiers';

export interface EventFacts {
	eventId: string;
	dossierId: string;
	code: string;
	procedureName: string;
	action: string | null;
	actorRole: string | null;
	status: number;
	note: string | null;
	payload: Record<string, unknown> | null;
	appointmentDate: string;
}

/** Events the citizen hears about: the desk's and the system's, not their own or the desk's internal ones. */
export function concernsCitizen(e: Pick<EventFacts, 'action' | 'actorRole'>): boolean {
	if (!e.action || e.action === 'submit' || e.action === 'release') return false;
	return e.actorRole !== 'citizen';
}

/** Worth an SMS (it costs money and a person's attention): something to do, or an outcome. */
export function worthSms(e: Pick<EventFacts, 'action'>): boolean {
	return ['refuse', 'request-supplement', 'request-payment', 'finish', 'return', 'stop', 'extend'].includes(e.action ?? '');
}

export interface Composed {
	title: string;
	body: string;
	sms: string;
	/** Path on this site a click opens. */
	url: string;
}

const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

/** The event in the citizen's words: the same sentences as their timeline (domain/timeline.ts). */
function details(e: EventFacts): string[] {
	const event = { action: e.action, actor: { role: e.actorRole ?? 'system' }, to: { code: e.status, name: statusName(e.status) }, note: e.note, payload: e.payload };
	return citizenDetails(event, e.appointmentDate);
}

export function composeNotification(e: EventFacts, origin: string): Composed {
	const status = statusName(e.status);
	const title = `Hồ sơ ${e.code}: ${status}`;
	const body = clip([`${e.procedureName}.`, ...details(e)].join('\n'), 1000);
	const url = `/dossiers/${e.dossierId}`;
	const sms = clip(withoutMarks(`DVC: Ho so ${e.code}: ${status}. Xem: ${origin}/lookup?code=${encodeURIComponent(e.code)}`), 320);
	return { title, body, sms, url };
}

export function emailText(c: Composed, origin: string): string {
	return `${c.title}\n\n${c.body}\n\nXem hồ sơ: ${origin}${c.url}\n\nThư gửi tự động từ Dịch vụ công; xin đừng trả lời thư này.`;
}

/** "Đã tiếp nhận" → "Da tiep nhan". */
export function withoutMarks(s: string): string {
	return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}
