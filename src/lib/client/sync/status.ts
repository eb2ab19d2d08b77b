/** What an outbox entry is doing, in plain Vietnamese, for the tray and the draft page. */
import { formatDate, formatDateTime } from '$lib/domain/time';
import type { OutboxEntry } from '../db/outbox-record';

/** Megabytes with one decimal, for "2,1/5,0 MB" progress. */
const mb = (bytes: number) => (bytes / 1024 / 1024).toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function uploadTotals(entry: OutboxEntry): { sent: number; total: number } {
	return entry.progress.reduce((t, p) => ({ sent: t.sent + (p.done ? p.total : p.bytesSent), total: t.total + p.total }), { sent: 0, total: 0 });
}

/** "2,1/5,0 MB" */
export function bytesProgress(entry: OutboxEntry): string {
	const { sent, total } = uploadTotals(entry);
	return `${mb(sent)}/${mb(total)} MB`;
}

export function describeEntry(entry: OutboxEntry, online = true): string {
	switch (entry.state) {
		case 'queued': {
			const { sent, total } = uploadTotals(entry);
			const partial = sent > 0 && sent < total ? ` (đã tải ${bytesProgress(entry)})` : '';
			if (!online || entry.attempts > 0) return `Sẽ tự gửi khi có mạng${partial}`;
			return `Đang chờ gửi${partial}`;
		}
		case 'uploading':
			return `Đang tải lên ${bytesProgress(entry)}`;
		case 'submitting':
			return 'Đang nộp';
		case 'received':
			return entry.receipt
				? `Đã tiếp nhận — mã hồ sơ ${entry.receipt.code}, ngày hẹn trả ${formatDate(entry.receipt.appointmentDate)}`
				: 'Đã tiếp nhận';
		case 'needs-attention':
			return `Cần sửa: ${entry.lastError ?? 'máy chủ không nhận hồ sơ'}`;
		case 'paused':
			return 'Tạm dừng: hãy đăng nhập lại để gửi';
		case 'withdrawn':
			return 'Đã dừng gửi để sửa hồ sơ';
	}
}

export function describeReceivedAt(iso: string): string {
	return formatDateTime(iso);
}
