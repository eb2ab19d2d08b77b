/**
 * "Đăng nhập bằng tài khoản định danh điện tử" against a real OpenID provider
 * (oidc-provider 8, in-process): discovery, authorization code + PKCE, state and nonce,
 * ID-token checks, then linking or creating the account. SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSession } from '$lib/server/accounts';
import { completeOidcSignIn, idNumberFromClaims, oidcSettings, startOidcLogin, type OidcSettings } from '$lib/server/oidc';
import { forEachDatabase } from '../helpers/databases';
import { makeDeps, registerActive } from '../helpers/accounts';
import { browseToCallback, startTestProvider, type TestProvider } from './provider';

const APP = 'http://localhost:5999';
let op: TestProvider;
let settings: OidcSettings;

beforeAll(async () => {
	op = await startTestProvider(`${APP}/auth/callback`);
	settings = oidcSettings(
		{ env: 'development', oidc: { issuer: op.issuer, clientId: op.clientId, clientSecret: op.clientSecret } },
		APP,
		{}
	)!;
	op.people.set('u-hoa', {
		sub: 'u-hoa',
		claims: { id_number: '001190001234', name: 'Phạm Thị Hoa', phone_number: '+84971234567', birthdate: '1990-04-12', gender: 'female' }
	});
	op.people.set('u-new', {
		sub: 'u-new',
		claims: { id_number: '079095004321', name: 'Lê Văn Mới', phone_number: '0988111222', birthdate: '1995-01-20', gender: 'male' }
	});
	op.people.set('048093000777', { sub: '048093000777', claims: { name: 'Trần Sub', phone_number: '0988333444' } });
	op.people.set('u-noid', { sub: 'u-noid', claims: { name: 'Không Số', phone_number: '0988555666' } });
});
afterAll(() => op?.close());

async function login(sub: string, next: string | null = null) {
	op.nextLogin = sub;
	const { url, cookie } = await startOidcLogin(settings, next);
	const callback = await browseToCallback(url, settings.redirectUri);
	return { url, cookie, callback };
}

describe('OIDC settings', () => {
	it('is off without an issuer, and reads the ID-number claim name from OIDC_ID_CLAIM', () => {
		expect(oidcSettings({ env: 'development' }, APP)).toBeNull();
		const s = oidcSettings({ env: 'production', oidc: { issuer: 'https://id.example.vn', clientId: 'c' } }, 'https://dvc.example.vn', { OIDC_ID_CLAIM: 'cccd' })!;
		expect(s).toMatchObject({ idClaim: 'cccd', redirectUri: 'https://dvc.example.vn/auth/callback', allowInsecure: false });
	});

	it('takes the configured claim, else a 12-digit sub, else nothing', () => {
		expect(idNumberFromClaims({ sub: 'x', id_number: '001190001234' }, 'id_number')).toBe('001190001234');
		expect(idNumberFromClaims({ sub: '048093000777' }, 'id_number')).toBe('048093000777');
		expect(idNumberFromClaims({ sub: 'abc', id_number: '12345' }, 'id_number')).toBeNull();
	});
});

describe('e-ID sign-in against oidc-provider', () => {
	forEachDatabase((t) => {
		it('sends PKCE S256, state and nonce in the authorization request', async () => {
			const { url } = await startOidcLogin(settings, null);
			expect(url.origin).toBe(op.issuer);
			expect(url.searchParams.get('code_challenge_method')).toBe('S256');
			expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
			expect(url.searchParams.get('state')).toBeTruthy();
			expect(url.searchParams.get('nonce')).toBeTruthy();
			expect(url.searchParams.get('redirect_uri')).toBe(`${APP}/auth/callback`);
		});

		it('links the ID number to the existing account and opens a session for it', async () => {
			const deps = makeDeps(t().db);
			const accountId = await registerActive(deps); // Phạm Thị Hoa, 001190001234
			const { cookie, callback } = await login('u-hoa', '/drafts');
			const result = await completeOidcSignIn(deps, settings, callback, cookie, 'test-agent');
			expect(result.account.id).toBe(accountId);
			expect(result.next).toBe('/drafts');
			expect((await getSession(deps, result.token))?.account.id).toBe(accountId);
		});

		it('creates an active citizen account from the claims when none exists', async () => {
			const deps = makeDeps(t().db);
			const { cookie, callback } = await login('u-new');
			const { account } = await completeOidcSignIn(deps, settings, callback, cookie);
			expect(account).toMatchObject({ role: 'citizen', status: 'active', idNumber: '079095004321', fullName: 'Lê Văn Mới', phone: '0988111222', dateOfBirth: '1995-01-20', sex: 'nam' });
			// A second e-ID sign-in finds the same account, not a copy.
			const again = await login('u-new');
			expect((await completeOidcSignIn(deps, settings, again.callback, again.cookie)).account.id).toBe(account.id);
		});

		it('uses a 12-digit sub when the ID-number claim is absent', async () => {
			const deps = makeDeps(t().db);
			const { cookie, callback } = await login('048093000777');
			expect((await completeOidcSignIn(deps, settings, callback, cookie)).account.idNumber).toBe('048093000777');
		});

		it('refuses an identity without an ID number', async () => {
			const deps = makeDeps(t().db);
			const { cookie, callback } = await login('u-noid');
			await expect(completeOidcSignIn(deps, settings, callback, cookie)).rejects.toThrow(/không trả về số định danh/);
			expect(await t().db.selectFrom('accounts').select('id').execute()).toEqual([]);
		});

		it("refuses a callback that does not match this browser's state (another attempt's cookie)", async () => {
			const deps = makeDeps(t().db);
			const first = await login('u-new');
			const second = await startOidcLogin(settings, null);
			await expect(completeOidcSignIn(deps, settings, first.callback, second.cookie)).rejects.toThrow(/Không xác thực được/);
			await expect(completeOidcSignIn(deps, settings, first.callback, undefined)).rejects.toThrow(/hết hạn hoặc không hợp lệ/);
			expect(await t().db.selectFrom('sessions').select('id').execute()).toEqual([]);
		});

		it('refuses a replayed authorization code', async () => {
			const deps = makeDeps(t().db);
			const { cookie, callback } = await login('u-new');
			await completeOidcSignIn(deps, settings, callback, cookie);
			await expect(completeOidcSignIn(deps, settings, callback, cookie)).rejects.toThrow(/Không xác thực được/);
		});
	});
});
