/**
 * An attachment answer: the blobs chosen for one document slot, each identified by its
 * SHA-256 (the blob itself lives in the device's document store and is uploaded later).
 */
import * as z from 'zod/mini';
import { formatCount } from './wording';

const reselect = 'Tệp đính kèm bị lỗi; hãy bỏ tệp này và chọn lại';
export const attachmentItemSchema = z.object(
	{
		sha256: z.string({ error: reselect }).check(z.regex(/^[0-9a-f]{64}$/, reselect)),
		name: z.string({ error: reselect }).check(z.minLength(1, reselect)),
		size: z.int({ error: reselect }).check(z.nonnegative(reselect)),
		type: z.string({ error: reselect }).check(z.minLength(1, reselect))
	},
	{ error: reselect }
);
export const attachmentAnswerSchema = z.array(attachmentItemSchema, { error: reselect });
export type AttachmentItem = z.infer<typeof attachmentItemSchema>;

const TYPE_NAMES: Record<string, string> = {
	'image/jpeg': 'JPG',
	'image/png': 'PNG',
	'image/webp': 'WebP',
	'application/pdf': 'PDF'
};

export interface AttachmentRules {
	accept: readonly string[];
	maxFiles: number;
}

export function validateAttachments(value: unknown, rules: AttachmentRules): string | null {
	const parsed = attachmentAnswerSchema.safeParse(value);
	if (!parsed.success) return parsed.error.issues[0].message;
	const files = parsed.data;
	if (files.length > rules.maxFiles)
		return `Tối đa ${formatCount(rules.maxFiles)} tệp (đang có ${formatCount(files.length)}); hãy bỏ bớt`;
	const wrong = files.find((f) => !rules.accept.includes(f.type));
	if (wrong) {
		const allowed = rules.accept.map((t) => TYPE_NAMES[t] ?? t).join(', ');
		return `Tệp "${wrong.name}" không đúng định dạng; chỉ nhận ${allowed}`;
	}
	return null;
}
