/**
 * A real OpenID provider (the `oidc-provider` package) in-process on a random port, for
 * the e-ID sign-in tests. Only the login screen is replaced: GET /interaction/:uid logs
 * in whichever test person `nextLogin` names, as a person typing their credentials would.
 * Tokens, ID-token signatures, PKCE, state and nonce are all the provider's own.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
// @ts-expect-error oidc-provider ships no type declarations
import Provider from 'oidc-provider';

/** The part of oidc-provider's context the grant hook uses (the package ships no types). */
interface GrantContext {
	oidc: {
		provider: { Grant: new (init: { clientId: string; accountId: string }) => { addOIDCScope(scope: string): void; save(): Promise<string> } };
		client?: { clientId: string };
		session?: { accountId?: string };
	};
}

export interface TestPerson {
	sub: string;
	claims: Record<string, unknown>;
}

export interface TestProvider {
	issuer: string;
	clientId: string;
	clientSecret: string;
	redirectUri: string;
	people: Map<string, TestPerson>;
	/** Who the next login is (sub). */
	nextLogin: string;
	close(): Promise<void>;
}

export async function startTestProvider(redirectUri: string): Promise<TestProvider> {
	const people = new Map<string, TestPerson>();
	const state = { nextLogin: '' };
	const server: Server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const issuer = `http://127.0.0.1:${port}`;
	const clientId = 'dvc-test';
	const clientSecret = 'a-test-secret-that-is-long-enough-0123456789';

	const provider = new Provider(issuer, {
		clients: [
			{
				client_id: clientId,
				client_secret: clientSecret,
				redirect_uris: [redirectUri],
				grant_types: ['authorization_code'],
				response_types: ['code'],
				token_endpoint_auth_method: 'client_secret_post'
			}
		],
		pkce: { required: () => true },
		ttl: { Interaction: 600, Grant: 600, Session: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
		// Put the profile claims in the ID token, where the app reads them.
		conformIdTokenClaims: false,
		claims: { openid: ['sub'], profile: ['name', 'birthdate', 'gender', 'phone_number', 'id_number'] },
		features: { devInteractions: { enabled: false } },
		interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
		async findAccount(_ctx: unknown, sub: string) {
			const person = people.get(sub);
			if (!person) return undefined;
			return { accountId: sub, claims: async () => ({ sub, ...person.claims }) };
		},
		// No consent screen in tests: the grant is made as if the person agreed.
		async loadExistingGrant(ctx: GrantContext) {
			const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
			grant.addOIDCScope('openid profile');
			await grant.save();
			return grant;
		}
	});
	provider.on('server_error', (_ctx: unknown, error: Error) => console.error('oidc-provider:', error));
	const callback = provider.callback();
	server.on('request', async (req, res) => {
		if (req.url?.startsWith('/interaction/')) {
			try {
				await provider.interactionFinished(req, res, { login: { accountId: state.nextLogin } }, { mergeWithLastSubmission: false });
			} catch (error) {
				res.statusCode = 500;
				res.end(String(error));
			}
			return;
		}
		callback(req, res);
	});
	return {
		issuer,
		clientId,
		clientSecret,
		redirectUri,
		people,
		get nextLogin() {
			return state.nextLogin;
		},
		set nextLogin(sub: string) {
			state.nextLogin = sub;
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

/** A browser's part: follows the provider's redirects with its cookies until it lands on `redirectUri`. */
export async function browseToCallback(start: URL, redirectUri: string): Promise<URL> {
	const jar = new Map<string, string>();
	let url = start;
	for (let hop = 0; hop < 10; hop++) {
		const response = await fetch(url, {
			redirect: 'manual',
			headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), accept: 'text/html' }
		});
		for (const cookie of response.headers.getSetCookie()) {
			const [pair] = cookie.split(';');
			const eq = pair.indexOf('=');
			jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
		}
		const location = response.headers.get('location');
		if (!location) throw new Error(`provider stopped at ${url} with ${response.status}: ${(await response.text()).slice(0, 300)}`);
		url = new URL(location, url);
		if (url.href.startsWith(redirectUri)) return url;
	}
	throw new Error('too many redirects at the provider');
}
