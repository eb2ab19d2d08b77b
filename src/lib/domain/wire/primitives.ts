/**
 * The small shapes every wire format and domain schema is built from, declared once
 * (zod/mini, so a page that parses an answer does not pay for classic zod).
 */
import * as z from 'zod/mini';
import { toDayNumber } from '../time';

export const sha256HexSchema = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'SHA-256 phải là 64 ký tự hex chữ thường'));

export const procedureCodeSchema = z.string().check(z.regex(/^\d\.\d{6}$/, 'mã thủ tục có dạng 1.001193'));

export const fieldIdSchema = z.string().check(z.regex(/^[a-z][a-zA-Z0-9]*$/, 'id phải là camelCase, chỉ chữ và số'));

/** A calendar date 'YYYY-MM-DD' that exists (no 2026-02-30). */
export const isoDateSchema = z.string().check(
	z.regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày phải có dạng YYYY-MM-DD'),
	z.refine((s) => toDayNumber(s) !== null, 'ngày không tồn tại')
);

export const isoDateTimeSchema = z.iso.datetime({ offset: true });

export const uuidSchema = z.uuid();

/** Agency electronic ID (QĐ 20/2020/QĐ-TTg, amended by QĐ 09/2025/QĐ-TTg), e.g. 000.00.19.H47. */
export const AGENCY_CODE_PATTERN = '[0-9A-Z]{3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.[A-Z][0-9]{2}';
export const agencyCodeSchema = z
	.string()
	.check(z.regex(new RegExp(`^${AGENCY_CODE_PATTERN}$`), 'Mã định danh cơ quan có dạng 000.00.19.H47'));

export const attachmentTypes = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type AttachmentType = (typeof attachmentTypes)[number];
export const attachmentTypeSchema = z.enum(attachmentTypes, 'Chỉ nhận ảnh JPEG, PNG, WebP hoặc tệp PDF');

/** A "value" field of the national status list: code and official name. */
export const statusSchema = z.object({ code: z.int(), name: z.string() });
