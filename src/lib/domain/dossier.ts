/**
 * Dossiers (hồ sơ): status codes and the officer workflow, and the dossier code. The wire
 * formats (manifest, receipt, lists) are in ./wire/dossiers.ts.
 */
import * as z from 'zod/mini';
import { type IsoDate } from './time';
import { AGENCY_CODE_PATTERN, agencyCodeSchema, isoDateSchema } from './wire/primitives';

/** Where the receipt's QR code leads: the public lookup page for this dossier code. */
export const lookupUrl = (origin: string, code: string): string => `${origin.replace(/\/$/, '')}/lookup?code=${encodeURIComponent(code)}`;

// ---- statuses ----

/**
 * Status ids used when syncing dossiers to the national portal (TrangThaiHoSo), with their
 * official names; see data/vn-egov-reference.json in the shared research data.
 */
export const dossierStatusNames = {
	1: 'Mới đăng ký',
	2: 'Được tiếp nhận',
	3: 'Không được tiếp nhận',
	4: 'Đang xử lý',
	5: 'Yêu cầu bổ sung giấy tờ',
	6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
	7: 'Công dân yêu cầu rút hồ sơ',
	8: 'Dừng xử lý',
	9: 'Đã xử lý xong',
	10: 'Đã trả kết quả'
} as const;
export type DossierStatus = keyof typeof dossierStatusNames;
export const dossierStatuses = Object.keys(dossierStatusNames).map(Number) as DossierStatus[];
export const dossierStatusSchema = z.literal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'Mã trạng thái hồ sơ từ 1 đến 10');

export const WITHDRAWN: DossierStatus = 7;

/**
 * The officer workflow. Receive or refuse a new dossier; process; ask for missing papers (5)
 * or for fees (6) and resume once answered; stop (8) or finish (9); hand over the result (10).
 * The actions that make these moves, and who takes them, are in workflow.ts.
 */
const workflow: Record<DossierStatus, readonly DossierStatus[]> = {
	1: [2, 3],
	2: [4, 5, 8],
	3: [],
	4: [5, 6, 8, 9],
	5: [4, 8],
	6: [4, 8],
	7: [],
	8: [],
	9: [10],
	10: []
};

/**
 * Open = the citizen may still withdraw (status 7, only on the citizen's request). Once the
 * result is ready (9) the dossier can only be handed over, and 3/7/8/10 are final.
 */
const openStatuses: ReadonlySet<DossierStatus> = new Set([1, 2, 4, 5, 6]);

export const isOpenStatus = (s: DossierStatus): boolean => openStatuses.has(s);
export const isFinalStatus = (s: DossierStatus): boolean => workflow[s].length === 0;

/** The statuses reachable from `from`, withdrawal included where it is allowed. */
export function nextStatuses(from: DossierStatus): DossierStatus[] {
	return isOpenStatus(from) ? [...workflow[from], WITHDRAWN] : [...workflow[from]];
}

export function canTransition(from: DossierStatus, to: DossierStatus): boolean {
	return nextStatuses(from).includes(to);
}

// ---- dossier code ----

const DOSSIER_CODE = new RegExp(`^(${AGENCY_CODE_PATTERN})-([0-9]{6})-([0-9]{4})$`);

export const MAX_DAILY_SEQUENCE = 9999;

/**
 * `<agency code>-<yymmdd>-<nnnn>`: NĐ 61/2018/NĐ-CP (mã hồ sơ = mã định danh cơ quan + ngày
 * tiếp nhận + số thứ tự trong ngày), kept under NĐ 118/2025/NĐ-CP. `sequence` is the
 * agency's running number for that receipt day, from 1.
 */
export function formatDossierCode(agencyCode: string, receivedDate: IsoDate, sequence: number): string {
	agencyCodeSchema.parse(agencyCode);
	isoDateSchema.parse(receivedDate);
	const year = Number(receivedDate.slice(0, 4));
	if (year < 2000 || year > 2099) throw new RangeError(`Năm tiếp nhận ${year} ngoài khoảng 2000–2099 của mã hồ sơ`);
	if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_DAILY_SEQUENCE)
		throw new RangeError(`Số thứ tự hồ sơ trong ngày phải từ 1 đến ${MAX_DAILY_SEQUENCE}, nhận được ${sequence}`);
	const yymmdd = receivedDate.slice(2).replaceAll('-', '');
	return `${agencyCode}-${yymmdd}-${String(sequence).padStart(4, '0')}`;
}

export interface DossierCodeParts {
	agencyCode: string;
	receivedDate: IsoDate;
	sequence: number;
}

/** The parts of a well-formed code, or null (wrong shape, impossible date, sequence 0000). */
export function parseDossierCode(code: string): DossierCodeParts | null {
	const m = DOSSIER_CODE.exec(code.trim().toUpperCase());
	if (!m) return null;
	const [, agencyCode, yymmdd, seq] = m;
	const receivedDate = `20${yymmdd.slice(0, 2)}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
	const sequence = Number(seq);
	if (!isoDateSchema.safeParse(receivedDate).success || sequence < 1) return null;
	return { agencyCode, receivedDate, sequence };
}
