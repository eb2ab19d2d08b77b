import { join } from 'node:path';
import { z } from 'zod';

/**
 * Server configuration. The only source is the process environment (12-factor), so the
 * same build runs on a laptop (`npm start`, nothing configured → SQLite + development
 * mailbox) and in a deployment (PostgreSQL, SMTP, SMS gateway, OIDC).
 *
 * `loadConfig` is pure: it reads the object it is given, prints nothing and throws a
 * `ConfigError` listing every bad variable at once.
 */

const MiB = 1024 * 1024;

/** How many new dossiers one actor may send in a Vietnam day (defect 1 of issue 12). */
export interface SubmissionLimits {
	perAccountPerDay: number;
	/** Per network address AND receiving agency: a carrier NAT shares one address among many people. */
	perAddressPerAgencyPerDay: number;
}

export const defaultSubmissionLimits: SubmissionLimits = { perAccountPerDay: 20, perAddressPerAgencyPerDay: 300 };


export interface ConfigVariable {
	name: string;
	default: string;
	description: string;
}

/** Documentation table; the README section on configuration is generated from it. */
export const configVariables: readonly ConfigVariable[] = [
	{ name: 'APP_ENV', default: 'development', description: '`development` or `production`. Production refuses to start without real SMS/e-mail adapters and never shows development pages.' },
	{ name: 'DATA_DIR', default: './data-dir', description: 'Folder for the SQLite database and stored files.' },
	{ name: 'DATABASE_URL', default: 'SQLite file `${DATA_DIR}/app.sqlite`', description: 'A file path or `sqlite:` URL selects SQLite; `postgres://…` selects PostgreSQL.' },
	{ name: 'ORIGIN', default: '(unset)', description: 'Public origin of the site, e.g. `https://dvc.example.vn` (read by adapter-node).' },
	{ name: 'PORT', default: '3000', description: 'HTTP port (read by adapter-node).' },
	{ name: 'SMTP_URL', default: '(unset → development mailbox)', description: 'SMTP connection URL for e-mail, e.g. `smtps://user:pass@smtp.example.vn:465`.' },
	{ name: 'SMTP_FROM', default: 'Dịch vụ công <no-reply@localhost>', description: 'Sender address of outgoing e-mail.' },
	{ name: 'SMS_GATEWAY_URL', default: '(unset → development mailbox)', description: 'HTTP endpoint that receives `POST {to, text}` for each SMS.' },
	{ name: 'SMS_GATEWAY_TOKEN', default: '(unset)', description: 'Bearer token sent to the SMS gateway.' },
	{ name: 'OIDC_ISSUER', default: '(unset → sign-in with VNeID disabled)', description: 'OpenID Connect issuer URL of the national identity provider.' },
	{ name: 'OIDC_CLIENT_ID', default: '(unset)', description: 'OIDC client id.' },
	{ name: 'OIDC_CLIENT_SECRET', default: '(unset)', description: 'OIDC client secret.' },
	{ name: 'OIDC_REDIRECT_URI', default: '(unset)', description: 'OIDC redirect URI registered with the issuer.' },
	{ name: 'UPLOAD_MAX_FILE_BYTES', default: String(10 * MiB), description: 'Largest single attachment accepted (bytes).' },
	{ name: 'UPLOAD_MAX_DOSSIER_BYTES', default: String(30 * MiB), description: 'Largest total of attachments in one dossier (bytes).' },
	{ name: 'UPLOAD_QUOTA_BYTES', default: String(100 * MiB), description: 'Bytes one account may hold in unfinished uploads and files no dossier uses yet (at least UPLOAD_MAX_DOSSIER_BYTES); a new upload over it waits (429 `upload_quota_exceeded`).' },
	{ name: 'INCOMPLETE_UPLOAD_HOURS', default: '72', description: 'Housekeeping deletes a tus upload still unfinished this many hours after it began (the app then starts that file again).' },
	{ name: 'UNREFERENCED_BLOB_HOURS', default: '336', description: 'Housekeeping deletes a stored file no dossier, paper or result uses this many hours after it arrived (a dossier that still needs it uploads it again).' },
	{ name: 'VAPID_PUBLIC_KEY', default: '(unset → generated into `${DATA_DIR}/vapid.json` in development; push off in production)', description: 'Web push (VAPID) public key, base64url, as printed by `npx web-push generate-vapid-keys`.' },
	{ name: 'VAPID_PRIVATE_KEY', default: '(unset)', description: 'Web push (VAPID) private key, base64url; required with the public key.' },
	{ name: 'VAPID_SUBJECT', default: '`mailto:` the SMTP sender, else `mailto:admin@localhost`', description: 'Contact the push services may use (`mailto:` or `https:` URL).' },
	{ name: 'INTEGRATION_URL', default: '(unset → relay off)', description: 'Provincial one-stop system: every dossier event is POSTed here as JSON, signed in `X-Signature: sha256=<hex HMAC-SHA256 of the body>`, retried with backoff, idempotent by `eventId`.' },
	{ name: 'INTEGRATION_SECRET', default: '(unset)', description: 'Shared secret of the relay signature; required with `INTEGRATION_URL`.' },
	{ name: 'INTEGRATION_TOKEN', default: '(unset → read API off)', description: 'Bearer token of the read API `GET /api/integration/dossiers?since=` for the provincial system.' },
	{ name: 'SUBMISSIONS_PER_ACCOUNT_PER_DAY', default: '20', description: 'New dossiers one account may send in a Vietnam day (replays of a received dossier are free).' },
	{ name: 'SUBMISSIONS_PER_ADDRESS_PER_DAY', default: '300', description: 'New dossiers one network address may send to one agency in a Vietnam day (each agency numbers at most 9,999 a day).' },
	{ name: 'VNPAY_TMN_CODE', default: '(unset → development payment gateway)', description: 'VNPay merchant code (vnp_TmnCode). With VNPAY_HASH_SECRET and VNPAY_URL it turns on real online payment; unset, payments go to `/dev/payment-gateway` (never in production).' },
	{ name: 'VNPAY_HASH_SECRET', default: '(unset)', description: 'VNPay hash secret (HMAC-SHA512 key of vnp_SecureHash).' },
	{ name: 'VNPAY_URL', default: '(unset)', description: 'VNPay payment page, e.g. `https://sandbox.vnpayment.vn/paymentv2/vpcpay.html`.' },
	{ name: 'VIETQR_BANK_BIN', default: '970436 (demo) in development', description: 'NAPAS BIN of the bank holding the fee account (VietQR transfers). Unset in production → no transfer QR.' },
	{ name: 'VIETQR_ACCOUNT_NUMBER', default: '0011000000001 (demo) in development', description: 'Account number that receives fee transfers.' },
	{ name: 'POSTAL_TARIFF_FILE', default: '(unset → `data/postal/tariff.json`, placeholder figures)', description: 'JSON file of the postal tariff for results sent by post (the province\'s contract with the post; same layout as `data/postal/tariff.json`), checked at start.' },
	{ name: 'VIETQR_ACCOUNT_NAME', default: '(unset)', description: 'Account holder shown next to the transfer QR.' },
	{ name: 'BANK_STATEMENT_TOKEN', default: '(unset → `development-bank-statement-token` while development pages are on; else off)', description: 'Bearer token of the bank-statement webhook `POST /api/payments/bank-statement` that reconciles VietQR transfers.' },
	{ name: 'DEV_PAGES', default: 'on in development', description: 'Development pages (mailbox, demo accounts). Always off when APP_ENV=production.' }
];

const optionalText = z
	.string()
	.trim()
	.optional()
	.transform((value) => (value ? value : undefined));

const optionalUrl = optionalText.pipe(z.url().optional());

const positiveCount = (fallback: number) =>
	optionalText.pipe(z.coerce.number<string | undefined>().int().positive().default(fallback));

const flag = optionalText.pipe(
	z
		.enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no'])
		.transform((value) => ['1', 'true', 'on', 'yes'].includes(value))
		.optional()
);

const envSchema = z.object({
	APP_ENV: optionalText.pipe(z.enum(['development', 'production']).default('development')),
	DATA_DIR: optionalText.pipe(z.string().default('./data-dir')),
	DATABASE_URL: optionalText,
	ORIGIN: optionalUrl,
	PORT: optionalText.pipe(z.coerce.number<string | undefined>().int().min(1).max(65535).default(3000)),
	SMTP_URL: optionalUrl,
	SMTP_FROM: optionalText.pipe(z.string().default('Dịch vụ công <no-reply@localhost>')),
	SMS_GATEWAY_URL: optionalUrl,
	SMS_GATEWAY_TOKEN: optionalText,
	OIDC_ISSUER: optionalUrl,
	OIDC_CLIENT_ID: optionalText,
	OIDC_CLIENT_SECRET: optionalText,
	OIDC_REDIRECT_URI: optionalUrl,
	UPLOAD_MAX_FILE_BYTES: positiveCount(10 * MiB),
	UPLOAD_MAX_DOSSIER_BYTES: positiveCount(30 * MiB),
	UPLOAD_QUOTA_BYTES: positiveCount(100 * MiB),
	INCOMPLETE_UPLOAD_HOURS: positiveCount(72),
	UNREFERENCED_BLOB_HOURS: positiveCount(336),
	DEV_PAGES: flag,
	VAPID_PUBLIC_KEY: optionalText,
	VAPID_PRIVATE_KEY: optionalText,
	VAPID_SUBJECT: optionalText,
	INTEGRATION_URL: optionalUrl,
	INTEGRATION_SECRET: optionalText,
	INTEGRATION_TOKEN: optionalText,
	SUBMISSIONS_PER_ACCOUNT_PER_DAY: positiveCount(defaultSubmissionLimits.perAccountPerDay),
	SUBMISSIONS_PER_ADDRESS_PER_DAY: positiveCount(defaultSubmissionLimits.perAddressPerAgencyPerDay),
	VNPAY_TMN_CODE: optionalText,
	VNPAY_HASH_SECRET: optionalText,
	VNPAY_URL: optionalUrl,
	VIETQR_BANK_BIN: optionalText.pipe(z.string().regex(/^\d{6}$/, 'must be a 6-digit NAPAS BIN').optional()),
	VIETQR_ACCOUNT_NUMBER: optionalText.pipe(z.string().regex(/^[0-9A-Za-z]{1,19}$/, 'letters and digits, at most 19').optional()),
	VIETQR_ACCOUNT_NAME: optionalText,
	BANK_STATEMENT_TOKEN: optionalText,
	POSTAL_TARIFF_FILE: optionalText
});

/** Every environment variable the schema reads (the docs table must list each). */
export const readVariableNames: readonly string[] = Object.keys(envSchema.shape);

export type DatabaseTarget =
	| { dialect: 'sqlite'; filename: string }
	| { dialect: 'postgres'; connectionString: string };

export interface Config {
	env: 'development' | 'production';
	dataDir: string;
	database: DatabaseTarget;
	origin?: string;
	port: number;
	smtp?: { url: string; from: string };
	smsGateway?: { url: string; token?: string };
	oidc?: { issuer: string; clientId: string; clientSecret?: string; redirectUri?: string };
	/** quotaBytes: unfinished + unused bytes one account may hold (absent → no quota, as in unit fixtures). */
	upload: { maxFileBytes: number; maxDossierBytes: number; quotaBytes?: number };
	/** Ages (hours) after which housekeeping removes an unfinished upload and a file nothing uses. */
	housekeeping: { incompleteUploadHours: number; unreferencedBlobHours: number };
	submissions: SubmissionLimits;
	devPages: boolean;
	/** Given VAPID keys; absent → generated in development (see server/notifications/vapid.ts). */
	vapid?: { publicKey: string; privateKey: string; subject?: string };
	integration?: { url: string; secret: string };
	integrationToken?: string;
	/** Bearer token of the bank-statement webhook; unset → the development token while development pages are on, else off. */
	bankStatementToken?: string;
	/** Unset → the development gateway (when development pages are on), else no online payment. */
	vnpay?: { tmnCode: string; hashSecret: string; url: string };
	/** The account that receives fee transfers; unset → no transfer QR. */
	vietqr?: { bankBin: string; accountNumber: string; accountName?: string };
}

export class ConfigError extends Error {
	constructor(readonly problems: string[]) {
		super(`Invalid configuration:\n- ${problems.join('\n- ')}`);
		this.name = 'ConfigError';
	}
}

/** `postgres://` / `postgresql://` selects PostgreSQL; anything else is a SQLite file. */
export function parseDatabaseUrl(url: string | undefined, dataDir: string): DatabaseTarget {
	if (!url) return { dialect: 'sqlite', filename: join(dataDir, 'app.sqlite') };
	if (/^postgres(ql)?:\/\//i.test(url)) return { dialect: 'postgres', connectionString: url };
	const filename = url.replace(/^sqlite:(\/\/)?/i, '') || ':memory:';
	return { dialect: 'sqlite', filename };
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
	const parsed = envSchema.safeParse(env);
	if (!parsed.success) {
		throw new ConfigError(
			parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
		);
	}
	const e = parsed.data;
	const problems: string[] = [];
	if (e.UPLOAD_MAX_FILE_BYTES > e.UPLOAD_MAX_DOSSIER_BYTES) {
		problems.push('UPLOAD_MAX_FILE_BYTES must not exceed UPLOAD_MAX_DOSSIER_BYTES');
	}
	if (e.UPLOAD_QUOTA_BYTES < e.UPLOAD_MAX_DOSSIER_BYTES) {
		problems.push('UPLOAD_QUOTA_BYTES must be at least UPLOAD_MAX_DOSSIER_BYTES (the files of one dossier arrive before the dossier uses them)');
	}
	if (e.OIDC_ISSUER && !e.OIDC_CLIENT_ID) {
		problems.push('OIDC_CLIENT_ID is required when OIDC_ISSUER is set');
	}
	if (Boolean(e.VAPID_PUBLIC_KEY) !== Boolean(e.VAPID_PRIVATE_KEY)) {
		problems.push('VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY go together');
	}
	if (e.INTEGRATION_URL && !e.INTEGRATION_SECRET) {
		problems.push('INTEGRATION_SECRET is required when INTEGRATION_URL is set (the relay signs every event)');
	}
	const vnpaySet = [e.VNPAY_TMN_CODE, e.VNPAY_HASH_SECRET, e.VNPAY_URL].filter(Boolean).length;
	if (vnpaySet > 0 && vnpaySet < 3) problems.push('VNPAY_TMN_CODE, VNPAY_HASH_SECRET and VNPAY_URL go together');
	if (Boolean(e.VIETQR_BANK_BIN) !== Boolean(e.VIETQR_ACCOUNT_NUMBER)) problems.push('VIETQR_BANK_BIN and VIETQR_ACCOUNT_NUMBER go together');
	if (e.APP_ENV === 'production') problems.push(...plainTextInProduction(e));
	if (problems.length) throw new ConfigError(problems);

	const production = e.APP_ENV === 'production';
	return {
		env: e.APP_ENV,
		dataDir: e.DATA_DIR,
		database: parseDatabaseUrl(e.DATABASE_URL, e.DATA_DIR),
		origin: e.ORIGIN,
		port: e.PORT,
		smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.SMTP_FROM } : undefined,
		smsGateway: e.SMS_GATEWAY_URL
			? { url: e.SMS_GATEWAY_URL, token: e.SMS_GATEWAY_TOKEN }
			: undefined,
		oidc:
			e.OIDC_ISSUER && e.OIDC_CLIENT_ID
				? {
						issuer: e.OIDC_ISSUER,
						clientId: e.OIDC_CLIENT_ID,
						clientSecret: e.OIDC_CLIENT_SECRET,
						redirectUri: e.OIDC_REDIRECT_URI
					}
				: undefined,
		upload: { maxFileBytes: e.UPLOAD_MAX_FILE_BYTES, maxDossierBytes: e.UPLOAD_MAX_DOSSIER_BYTES, quotaBytes: e.UPLOAD_QUOTA_BYTES },
		housekeeping: { incompleteUploadHours: e.INCOMPLETE_UPLOAD_HOURS, unreferencedBlobHours: e.UNREFERENCED_BLOB_HOURS },
		submissions: { perAccountPerDay: e.SUBMISSIONS_PER_ACCOUNT_PER_DAY, perAddressPerAgencyPerDay: e.SUBMISSIONS_PER_ADDRESS_PER_DAY },
		// Development pages expose every outgoing code: never in production, whatever is set.
		devPages: production ? false : (e.DEV_PAGES ?? true),
		vapid: e.VAPID_PUBLIC_KEY && e.VAPID_PRIVATE_KEY ? { publicKey: e.VAPID_PUBLIC_KEY, privateKey: e.VAPID_PRIVATE_KEY, subject: e.VAPID_SUBJECT } : undefined,
		integration: e.INTEGRATION_URL && e.INTEGRATION_SECRET ? { url: e.INTEGRATION_URL, secret: e.INTEGRATION_SECRET } : undefined,
		integrationToken: e.INTEGRATION_TOKEN,
		bankStatementToken: e.BANK_STATEMENT_TOKEN ?? (production || !(e.DEV_PAGES ?? true) ? undefined : DEV_BANK_STATEMENT_TOKEN),
		vnpay: e.VNPAY_TMN_CODE && e.VNPAY_HASH_SECRET && e.VNPAY_URL ? { tmnCode: e.VNPAY_TMN_CODE, hashSecret: e.VNPAY_HASH_SECRET, url: e.VNPAY_URL } : undefined,
		vietqr: e.VIETQR_BANK_BIN && e.VIETQR_ACCOUNT_NUMBER
			? { bankBin: e.VIETQR_BANK_BIN, accountNumber: e.VIETQR_ACCOUNT_NUMBER, accountName: e.VIETQR_ACCOUNT_NAME }
			: production
				? undefined
				: { bankBin: '970436', accountNumber: '0011000000001', accountName: 'DEMO - TAI KHOAN THU PHI' }
	};
}

const isLoopback = (url: URL) => ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);

/**
 * Production refuses to send codes, passwords or session cookies in the clear: the public
 * ORIGIN is https, e-mail goes over TLS (`smtps://`, or `smtp://…?requireTLS=true` for
 * STARTTLS), the SMS gateway is https. A relay on the same machine (loopback) is allowed.
 */
function plainTextInProduction(e: { ORIGIN?: string; SMTP_URL?: string; SMS_GATEWAY_URL?: string }): string[] {
	const problems: string[] = [];
	const url = (value: string | undefined) => (value ? new URL(value) : undefined);
	const origin = url(e.ORIGIN);
	if (origin && origin.protocol !== 'https:' && !isLoopback(origin)) problems.push('ORIGIN must be https:// in production (session cookies are Secure)');
	const smtp = url(e.SMTP_URL);
	if (smtp && smtp.protocol !== 'smtps:' && smtp.searchParams.get('requireTLS') !== 'true' && !isLoopback(smtp))
		problems.push('SMTP_URL must use TLS in production: smtps://… or smtp://…?requireTLS=true');
	const sms = url(e.SMS_GATEWAY_URL);
	if (sms && sms.protocol !== 'https:' && !isLoopback(sms)) problems.push('SMS_GATEWAY_URL must be https:// in production');
	return problems;
}

/** The webhook's token in development, printed in the README so a newcomer can send a statement with curl. */
export const DEV_BANK_STATEMENT_TOKEN = 'development-bank-statement-token';

let cached: Config | undefined;

/** The process-wide configuration, parsed once on first use. */
export function getConfig(): Config {
	cached ??= loadConfig();
	return cached;
}
