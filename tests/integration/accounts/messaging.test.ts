import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '$lib/server/config';
import { createMessenger, createSmsGatewayMessenger, listMailbox, MessagingConfigError } from '$lib/server/messaging';
import { forEachDatabase } from '../helpers/databases';

describe('messaging adapters', () => {
	forEachDatabase((t) => {
		it('puts both channels in the development mailbox when nothing is configured', async () => {
			const messenger = createMessenger(loadConfig({}), t().db);
			expect(messenger.adapters).toEqual({ email: 'mailbox', sms: 'mailbox' });
			await messenger.send({ channel: 'sms', to: '0971234567', body: 'Mã 111111' });
			await messenger.send({ channel: 'email', to: 'a@example.vn', subject: 'Chủ đề', body: 'Mã 222222' });
			const mailbox = await listMailbox(t().db);
			expect(mailbox.map((m) => [m.channel, m.recipient, m.subject, m.body])).toEqual([
				['email', 'a@example.vn', 'Chủ đề', 'Mã 222222'],
				['sms', '0971234567', null, 'Mã 111111']
			]);
			expect(await listMailbox(t().db, { recipient: '0971234567' })).toHaveLength(1);
		});
	});

	it('refuses to start in production without real SMS and e-mail adapters', () => {
		const db = {} as never;
		expect(() => createMessenger(loadConfig({ APP_ENV: 'production' }), db)).toThrow(MessagingConfigError);
		expect(() => createMessenger(loadConfig({ APP_ENV: 'production', SMTP_URL: 'smtp://localhost:2525' }), db)).toThrow(/SMS_GATEWAY_URL/);
		const both = createMessenger(
			loadConfig({ APP_ENV: 'production', SMTP_URL: 'smtp://localhost:2525', SMS_GATEWAY_URL: 'http://127.0.0.1:9/sms' }),
			db
		);
		expect(both.adapters).toEqual({ email: 'smtp', sms: 'sms-gateway' });
	});

	describe('HTTP SMS gateway', () => {
		let close: (() => void) | undefined;
		afterEach(() => close?.());

		async function gateway(status: number) {
			const received: { headers: IncomingMessage['headers']; body: unknown }[] = [];
			const server = createServer((req, res) => {
				let body = '';
				req.on('data', (chunk) => (body += chunk));
				req.on('end', () => {
					received.push({ headers: req.headers, body: JSON.parse(body) });
					res.writeHead(status).end();
				});
			});
			await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
			close = () => server.close();
			return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`, received };
		}

		it('POSTs {to, text} as JSON with the bearer token', async () => {
			const { url, received } = await gateway(202);
			await createSmsGatewayMessenger({ url, token: 's3cret' }).send({ channel: 'sms', to: '0971234567', body: 'Mã 123456' });
			expect(received).toHaveLength(1);
			expect(received[0].body).toEqual({ to: '0971234567', text: 'Mã 123456' });
			expect(received[0].headers).toMatchObject({ authorization: 'Bearer s3cret', 'content-type': 'application/json' });
		});

		it('fails loudly when the gateway refuses', async () => {
			const { url } = await gateway(503);
			await expect(createSmsGatewayMessenger({ url }).send({ channel: 'sms', to: '0971234567', body: 'x' })).rejects.toThrow(/503/);
		});
	});
});
