/**
 * Dossiers (hồ sơ): status codes and the officer workflow, the dossier code, and the wire
 * format of a submission (manifest → receipt) shared by the outbox, the PUT endpoint and
 * the server.
 */
import { z } from 'zod';
import { isoDateSchema, type IsoDate } from './calendar';
import { fieldIdSchema } from './form-definition';
import { procedureCodeSchema } from './procedure';
import { addressAnswerSchema } from './units';

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
 */
const workflow: Record<DossierStatus, readonly DossierStatus[]> = {
	1: [2, 3],
	2: [4],
	3: [],
	4: [5, 6, 8, 9],
	5: [4],
	6: [4],
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

/** Agency electronic ID (QĐ 20/2020/QĐ-TTg, amended by QĐ 09/2025/QĐ-TTg), e.g. 000.00.19.H47. */
const AGENCY_CODE = '[0-9A-Z]{3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.[A-Z][0-9]{2}';
export const agencyCodeSchema = z
	.string()
	.regex(new RegExp(`^${AGENCY_CODE}$`), 'Mã định danh cơ quan có dạng 000.00.19.H47');

const DOSSIER_CODE = new RegExp(`^(${AGENCY_CODE})-([0-9]{6})-([0-9]{4})$`);
const codeMessage = 'Mã hồ sơ có dạng 000.00.19.H47-260105-0001 (mã cơ quan - ngày tiếp nhận yymmdd - số thứ tự)';

/** Codes are typed by people for a lookup: tolerate spaces and lower case. */
export const dossierCodeSchema = z
	.string()
	.trim()
	.toUpperCase()
	.regex(DOSSIER_CODE, codeMessage)
	.refine((c) => parseDossierCode(c) !== null, 'Mã hồ sơ có ngày tiếp nhận không tồn tại');

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

// ---- submission manifest (client → PUT /api/dossiers/{id}) ----

export const attachmentTypes = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;

export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 phải là 64 ký tự hex chữ thường');

export const manifestAttachmentSchema = z.strictObject({
	/** The attachment field of the form this file fills. */
	slot: fieldIdSchema,
	sha256: sha256HexSchema,
	name: z.string().min(1, 'Tệp đính kèm phải có tên').max(200, 'Tên tệp đính kèm tối đa 200 ký tự'),
	size: z.number().int().positive('Tệp đính kèm rỗng'),
	type: z.enum(attachmentTypes, 'Chỉ nhận ảnh JPEG, PNG, WebP hoặc tệp PDF')
});

export const manifestDeliverySchema = z.discriminatedUnion('method', [
	z.strictObject({ method: z.literal('counter') }),
	z.strictObject({
		method: z.literal('post'),
		address: z.strictObject({
			provinceCode: addressAnswerSchema.shape.provinceCode,
			communeCode: addressAnswerSchema.shape.communeCode,
			street: z
				.string()
				.trim()
				.min(1, 'Hãy nhập số nhà, tên đường (thôn, tổ) để bưu điện giao kết quả')
				.max(200, 'Số nhà, tên đường (thôn, tổ) tối đa 200 ký tự')
		})
	}),
	z.strictObject({ method: z.literal('online') })
]);

export const dossierManifestSchema = z.strictObject({
	version: z.literal(1),
	procedureCode: procedureCodeSchema,
	/** Form answers by field id, as the form engine stores them (JSON values). */
	answers: z.record(fieldIdSchema, z.json()),
	attachments: z.array(manifestAttachmentSchema),
	delivery: manifestDeliverySchema,
	agencyCode: agencyCodeSchema,
	/** When the citizen pressed "Nộp" (device clock); the legal receipt time is the server's. */
	submittedAt: z.iso.datetime({ offset: true })
});
export type DossierManifest = z.infer<typeof dossierManifestSchema>;
export type DossierManifestInput = z.input<typeof dossierManifestSchema>;

/**
 * The content of a manifest as canonical JSON (keys sorted at every level, arrays in order,
 * no whitespace), for the idempotent PUT: same dossier id + same digest → same receipt; a
 * different digest under an existing id is a conflict. The caller hashes it (Web Crypto /
 * node:crypto) if it wants a short key.
 *
 * `submittedAt` is left out on purpose: it records when the button was pressed, not what was
 * submitted, and a retry must not turn into a conflict because a clock was read again.
 */
export function manifestDigest(manifest: DossierManifestInput): string {
	const { submittedAt: _, ...content } = dossierManifestSchema.parse(manifest);
	return canonicalJson(content);
}

export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
	}
	if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError('Số không hữu hạn không có trong JSON');
	return JSON.stringify(value);
}

// ---- receipt (server → client) ----

/** Giấy tiếp nhận hồ sơ và hẹn trả kết quả, as the server answers the PUT. */
export const dossierReceiptSchema = z.strictObject({
	dossierId: z.uuid(),
	code: dossierCodeSchema,
	procedureCode: procedureCodeSchema,
	procedureName: z.string().min(1),
	receivedAt: z.iso.datetime({ offset: true }),
	appointmentDate: isoDateSchema,
	status: z.literal(1),
	agencyName: z.string().min(1)
});
export type DossierReceipt = z.infer<typeof dossierReceiptSchema>;
