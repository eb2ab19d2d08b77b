import { describe, expect, it } from 'vitest';
import { ConfigError, configVariables, loadConfig, readVariableNames } from '$lib/server/config';

describe('configuration from the environment', () => {
	it('runs with nothing set: development, SQLite under ./data-dir, development pages on', () => {
		const config = loadConfig({});
		expect(config).toMatchObject({
			env: 'development',
			dataDir: './data-dir',
			database: { dialect: 'sqlite', filename: 'data-dir/app.sqlite' },
			port: 3000,
			upload: { maxFileBytes: 10 * 1024 * 1024, maxDossierBytes: 30 * 1024 * 1024 },
			devPages: true
		});
		expect(config.smtp).toBeUndefined();
		expect(config.smsGateway).toBeUndefined();
	});

	it('selects PostgreSQL by URL and SQLite by path', () => {
		expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/dvc' }).database).toEqual({ dialect: 'postgres', connectionString: 'postgres://u:p@db:5432/dvc' });
		expect(loadConfig({ DATABASE_URL: 'postgresql://db/dvc' }).database.dialect).toBe('postgres');
		expect(loadConfig({ DATABASE_URL: 'sqlite:/var/lib/dvc.sqlite' }).database).toEqual({ dialect: 'sqlite', filename: '/var/lib/dvc.sqlite' });
		expect(loadConfig({ DATA_DIR: '/srv/dvc' }).database).toEqual({ dialect: 'sqlite', filename: '/srv/dvc/app.sqlite' });
	});

	it('refuses plain-text ORIGIN, SMTP and SMS gateway in production (issue 12, defect 12), a loopback relay aside', () => {
		const production = (env: Record<string, string>) => () => loadConfig({ APP_ENV: 'production', ...env });
		expect(production({ ORIGIN: 'http://dvc.example.vn' })).toThrow(/ORIGIN must be https/);
		expect(production({ SMTP_URL: 'smtp://mail.example.vn:587' })).toThrow(/SMTP_URL must use TLS/);
		expect(production({ SMS_GATEWAY_URL: 'http://sms.example.vn/send' })).toThrow(/SMS_GATEWAY_URL must be https/);
		expect(production({ ORIGIN: 'https://dvc.example.vn', SMTP_URL: 'smtps://u:p@mail.example.vn:465', SMS_GATEWAY_URL: 'https://sms.example.vn/send' })).not.toThrow();
		expect(production({ SMTP_URL: 'smtp://mail.example.vn:587?requireTLS=true', SMS_GATEWAY_URL: 'http://127.0.0.1:9/sms' })).not.toThrow();
		// Development keeps plain http for a laptop.
		expect(() => loadConfig({ ORIGIN: 'http://192.168.1.5:3000', SMTP_URL: 'smtp://mail.example.vn:587' })).not.toThrow();
	});

	it('never turns development pages on in production', () => {
		expect(loadConfig({ APP_ENV: 'production', DEV_PAGES: 'on' }).devPages).toBe(false);
		expect(loadConfig({ DEV_PAGES: 'off' }).devPages).toBe(false);
		expect(loadConfig({ DEV_PAGES: '' }).devPages).toBe(true);
	});

	it('reads adapters and limits, and reports every bad variable at once', () => {
		const config = loadConfig({ SMTP_URL: 'smtp://mail:25', SMS_GATEWAY_URL: 'https://sms.example.vn/send', SMS_GATEWAY_TOKEN: 't', UPLOAD_MAX_FILE_BYTES: '1000', UPLOAD_MAX_DOSSIER_BYTES: '5000' });
		expect(config.smtp).toEqual({ url: 'smtp://mail:25', from: 'Dịch vụ công <no-reply@localhost>' });
		expect(config.smsGateway).toEqual({ url: 'https://sms.example.vn/send', token: 't' });
		expect(config.upload).toEqual({ maxFileBytes: 1000, maxDossierBytes: 5000, quotaBytes: 100 * 1024 * 1024 });
		expect(config.housekeeping).toEqual({ incompleteUploadHours: 72, unreferencedBlobHours: 336 });
		expect(() => loadConfig({ UPLOAD_QUOTA_BYTES: '1000' })).toThrow(/UPLOAD_QUOTA_BYTES must be at least/);
		try {
			loadConfig({ APP_ENV: 'staging', PORT: 'abc', SMTP_URL: 'not a url' });
			expect.unreachable();
		} catch (error) {
			expect(error).toBeInstanceOf(ConfigError);
			expect((error as ConfigError).problems.map((p) => p.split(':')[0]).sort()).toEqual(['APP_ENV', 'PORT', 'SMTP_URL']);
		}
		expect(() => loadConfig({ UPLOAD_MAX_FILE_BYTES: '50', UPLOAD_MAX_DOSSIER_BYTES: '10' })).toThrow(/must not exceed/);
	});

	it('documents every variable it reads', () => {
		const documented = configVariables.map((v) => v.name).sort();
		expect(documented).toEqual([...readVariableNames].sort());
		expect(documented).toContain('DATABASE_URL');
	});
});
