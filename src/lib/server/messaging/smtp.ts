import nodemailer from 'nodemailer';
import type { Messenger, OutboundMessage } from './messenger';

/** E-mail through any SMTP server (SMTP_URL, e.g. smtps://user:pass@host:465). */
export function createSmtpMessenger(options: { url: string; from: string }): Messenger {
	const transport = nodemailer.createTransport(options.url);
	return {
		async send(message: OutboundMessage) {
			await transport.sendMail({
				from: options.from,
				to: message.to,
				subject: message.subject ?? 'Dịch vụ công',
				text: message.body,
				attachments: message.attachments?.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content) }))
			});
		}
	};
}
