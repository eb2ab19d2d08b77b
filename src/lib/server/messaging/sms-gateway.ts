import type { Messenger, OutboundMessage } from './messenger';

/**
 * SMS through an HTTP gateway: `POST {to, text}` as JSON with a bearer token. Vietnamese
 * carriers require a registered brandname; the gateway operator handles that.
 */
export function createSmsGatewayMessenger(options: {
	url: string;
	token?: string;
	fetch?: typeof fetch;
}): Messenger {
	const doFetch = options.fetch ?? fetch;
	return {
		async send(message: OutboundMessage) {
			const response = await doFetch(options.url, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					...(options.token ? { authorization: `Bearer ${options.token}` } : {})
				},
				body: JSON.stringify({ to: message.to, text: message.body }),
				signal: AbortSignal.timeout(10_000)
			});
			if (!response.ok) {
				throw new Error(`SMS gateway answered ${response.status} ${response.statusText}`);
			}
		}
	};
}
