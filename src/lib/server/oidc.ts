/**
 * "Đăng nhập bằng tài khoản định danh điện tử": OpenID Connect against the national
 * identity provider (or any issuer set in OIDC_ISSUER), with openid-client 6.
 *
 * Flow: authorization code + PKCE (S256). The state, nonce and code verifier of one
 * attempt travel in a short-lived HttpOnly cookie scoped to /auth, and are checked on the
 * callback by openid-client (state, nonce, ID token signature, issuer, audience, expiry).
 * The person's 12-digit ID number comes from a configurable claim (OIDC_ID_CLAIM,
 * default `id_number`; `sub` when it is itself 12 digits) and links to an existing
 * account or creates an active one: the identity provider has already verified it.
 */
import { randomUUID } from 'node:crypto';
import * as client from 'openid-client';
import { validateIdNumber } from '$lib/domain/validators/id-number';
import { fullNameSchema } from '$lib/domain/account';
import { normalizePhone } from '$lib/domain/validators/phone';
import { createSession, toAccountView, type AccountDeps, type AccountView } from './accounts';
import { ApiError } from './http/api-error';
import { generateTemporaryPassword, hashPassword } from './accounts/passwords';
import type { Config } from './config';

export const OIDC_COOKIE = 'oidc_flow';
export const OIDC_COOKIE_PATH = '/auth';
export const OIDC_FLOW_TTL_S = 10 * 60;

export interface OidcSettings {
	issuer: string;
	clientId: string;
	clientSecret?: string;
	redirectUri: string;
	/** Claim holding the ID number. */
	idClaim: string;
	/** Plain-http issuers are allowed outside production (local test providers). */
	allowInsecure: boolean;
}

/** From the configuration; null when OIDC_ISSUER is unset (the sign-in link is hidden). */
export function oidcSettings(config: Pick<Config, 'oidc' | 'env'>, origin: string, env = process.env): OidcSettings | null {
	if (!config.oidc) return null;
	return {
		...config.oidc,
		redirectUri: config.oidc.redirectUri ?? `${origin}/auth/callback`,
		idClaim: env.OIDC_ID_CLAIM?.trim() || 'id_number',
		allowInsecure: config.env !== 'production' && config.oidc.issuer.startsWith('http:')
	};
}

const discovered = new Map<string, Promise<client.Configuration>>();

function configurationOf(s: OidcSettings): Promise<client.Configuration> {
	const key = `${s.issuer}|${s.clientId}`;
	let found = discovered.get(key);
	if (!found) {
		found = client.discovery(new URL(s.issuer), s.clientId, s.clientSecret, undefined, {
			execute: s.allowInsecure ? [client.allowInsecureRequests] : []
		});
		// A failed discovery (provider down) must not be cached forever.
		found.catch(() => discovered.delete(key));
		discovered.set(key, found);
	}
	return found;
}

interface FlowState {
	state: string;
	nonce: string;
	verifier: string;
	next: string | null;
}

const encodeFlow = (flow: FlowState) => Buffer.from(JSON.stringify(flow)).toString('base64url');
function decodeFlow(value: string | undefined): FlowState | null {
	if (!value) return null;
	try {
		const flow = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
		return typeof flow?.state === 'string' && typeof flow?.nonce === 'string' && typeof flow?.verifier === 'string' ? flow : null;
	} catch {
		return null;
	}
}

/** The provider's authorization URL and the cookie value that must come back with the callback. */
export async function startOidcLogin(s: OidcSettings, next: string | null): Promise<{ url: URL; cookie: string }> {
	const configuration = await configurationOf(s);
	const flow: FlowState = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier(), next };
	const url = client.buildAuthorizationUrl(configuration, {
		redirect_uri: s.redirectUri,
		scope: 'openid profile',
		code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
		code_challenge_method: 'S256',
		state: flow.state,
		nonce: flow.nonce
	});
	return { url, cookie: encodeFlow(flow) };
}

export class OidcError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'OidcError';
	}
}

/** The ID number in the claims: the configured claim, else `sub` when it is 12 digits. */
export function idNumberFromClaims(claims: Record<string, unknown>, idClaim: string): string | null {
	const candidate = [claims[idClaim], claims.sub].find((v) => typeof v === 'string' && /^\d{12}$/.test(v.trim()));
	return typeof candidate === 'string' ? candidate.trim() : null;
}

/** Exchanges the code (checking state, nonce and PKCE) and returns the verified claims. */
export async function finishOidcLogin(
	s: OidcSettings,
	callbackUrl: URL,
	cookieValue: string | undefined
): Promise<{ idNumber: string; claims: Record<string, unknown>; next: string | null }> {
	const flow = decodeFlow(cookieValue);
	if (!flow) throw new OidcError('Phiên đăng nhập bằng tài khoản định danh đã hết hạn hoặc không hợp lệ. Hãy bấm đăng nhập lại.');
	const configuration = await configurationOf(s);
	let claims: Record<string, unknown> | undefined;
	try {
		const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
			pkceCodeVerifier: flow.verifier,
			expectedState: flow.state,
			expectedNonce: flow.nonce,
			idTokenExpected: true
		});
		claims = tokens.claims() as Record<string, unknown> | undefined;
	} catch (error) {
		console.warn('OIDC callback refused:', (error as Error).message);
		throw new OidcError('Không xác thực được với hệ thống định danh điện tử. Hãy thử đăng nhập lại.');
	}
	const idNumber = claims ? idNumberFromClaims(claims, s.idClaim) : null;
	if (!claims || !idNumber) throw new OidcError('Hệ thống định danh không trả về số định danh cá nhân (12 chữ số). Hãy đăng nhập bằng số CCCD và mật khẩu.');
	return { idNumber, claims, next: flow.next };
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/**
 * Links the verified ID number to its account, or creates an active citizen account from
 * the claims (name, birth date, sex, phone). A new account gets an unusable random
 * password: the person signs in with the e-ID, or sets a password by "Quên mật khẩu".
 */
export async function accountForIdNumber(deps: AccountDeps, idNumber: string, claims: Record<string, unknown>): Promise<AccountView> {
	const existing = await deps.db.selectFrom('accounts').selectAll().where('id_number', '=', idNumber).executeTakeFirst();
	if (existing) {
		if (existing.status === 'locked') throw new ApiError('account_locked', 'Tài khoản đang bị khoá. Vui lòng liên hệ Bộ phận một cửa nơi bạn nộp hồ sơ để được hỗ trợ.');
		if (existing.status === 'pending') {
			// The identity provider has proved the person: no activation code is needed.
			await deps.db.updateTable('accounts').set({ status: 'active', updated_at: new Date().toISOString() }).where('id', '=', existing.id).execute();
			existing.status = 'active';
		}
		return toAccountView(existing);
	}
	const phone = normalizePhone(text(claims.phone_number) ?? '');
	// The same name rule as the registration form: an identity provider's claim is input too.
	const claimed = fullNameSchema.safeParse(text(claims.name) ?? [text(claims.family_name), text(claims.given_name)].filter(Boolean).join(' '));
	const name = claimed.success ? claimed.data : null;
	if (!phone || !name || validateIdNumber(idNumber)) {
		throw new OidcError('Tài khoản định danh chưa cung cấp đủ họ tên và số điện thoại để tạo tài khoản. Hãy đăng ký bằng biểu mẫu đăng ký.');
	}
	const taken = await deps.db.selectFrom('accounts').select('id').where('phone', '=', phone).executeTakeFirst();
	if (taken) throw new OidcError('Số điện thoại của tài khoản định danh đã gắn với một tài khoản khác. Hãy đăng nhập bằng số điện thoại đó.');
	const birth = text(claims.birthdate);
	const gender = text(claims.gender);
	const now = (deps.now ? deps.now() : new Date()).toISOString();
	const row = {
		id: randomUUID(),
		role: 'citizen' as const,
		agency_code: null,
		full_name: name,
		id_number: idNumber,
		pending_id_number: null,
		date_of_birth: birth && /^\d{4}-\d{2}-\d{2}$/.test(birth) ? birth : null,
		sex: gender === 'male' || gender === 'nam' ? ('nam' as const) : gender === 'female' || gender === 'nu' ? ('nu' as const) : null,
		phone,
		email: text(claims.email)?.toLowerCase() ?? null,
		permanent_address: null,
		password_hash: await hashPassword(generateTemporaryPassword(), deps.passwordParams),
		status: 'active' as const,
		created_at: now,
		updated_at: now
	};
	await deps.db.insertInto('accounts').values(row).execute();
	return toAccountView(row);
}

/** Whole callback: verify with the provider, link or create the account, open a session. */
export async function completeOidcSignIn(
	deps: AccountDeps,
	s: OidcSettings,
	callbackUrl: URL,
	cookieValue: string | undefined,
	userAgent?: string | null
): Promise<{ token: string; account: AccountView; next: string | null }> {
	const { idNumber, claims, next } = await finishOidcLogin(s, callbackUrl, cookieValue);
	const account = await accountForIdNumber(deps, idNumber, claims);
	const { token } = await createSession(deps, account.id, userAgent);
	return { token, account, next };
}
