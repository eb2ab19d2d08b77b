/** What an outbox entry is doing, in plain words, for the tray and the draft page. */
import { formatDate, formatDateTime } from '$lib/domain/time';
import { i18n, inLanguage } from '$lib/i18n.svelte';
import { t } from '$lib/i18n/outbox';
import type { OutboxEntry } from '../db/outbox-record';

/** Megabytes with one decimal, for "2,1/5,0 MB" progress. */
const mb = (bytes: number) => (bytes / 1024 / 1024).toLocaleString(i18n.locale === 'en' ? 'en-GB' : 'vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

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
			const partial = sent > 0 && sent < total ? t('status.uploaded', { progress: bytesProgress(entry) }) : '';
			return t(!online || entry.attempts > 0 ? 'status.whenOnline' : 'status.waiting', { partial });
		}
		case 'uploading':
			return t('status.uploading', { progress: bytesProgress(entry) });
		case 'submitting':
			return t('status.submitting');
		case 'received':
			return entry.receipt
				? t('status.receivedCode', { code: entry.receipt.code, date: formatDate(entry.receipt.appointmentDate) })
				: t('status.received');
		case 'needs-attention':
			return t('status.needsAttention', { reason: inLanguage(entry.lastError) ?? t('status.refused') });
		case 'paused':
			return t('status.paused');
		case 'withdrawn':
			return t('status.withdrawn');
	}
}

export function describeReceivedAt(iso: string): string {
	return formatDateTime(iso);
}
