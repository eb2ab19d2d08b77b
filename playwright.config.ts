import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = Number(process.env.E2E_PORT ?? 4173);
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'dvc-e2e-'));
process.env.E2E_DATA_DIR = dataDir; // the same folder for the config's workers

export default defineConfig({
	testDir: 'tests/e2e',
	timeout: 90_000,
	expect: { timeout: 15_000 },
	fullyParallel: false,
	workers: 1,
	retries: 0,
	reporter: [['list'], ['json']],
	use: {
		baseURL: `http://localhost:${port}`,
		viewport: { width: 360, height: 740 },
		locale: 'vi-VN',
		timezoneId: 'Asia/Ho_Chi_Minh',
		acceptDownloads: true,
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run']
		}
	},
	webServer: {
		command: 'node scripts/start.js',
		url: `http://localhost:${port}/api/health`,
		reuseExistingServer: false,
		timeout: 60_000,
		// Every journey sends as the one demo citizen: its per-day submission limit (20) is raised
		// so that the suite does not depend on how many journeys send (the limit: integration tests).
		env: { BUILD_DIR: process.env.BUILD_DIR ?? 'build', PORT: String(port), DATA_DIR: dataDir, APP_ENV: 'development', ORIGIN: `http://localhost:${port}`, SUBMISSIONS_PER_ACCOUNT_PER_DAY: '500', SIGN_IN_LIMIT_SCALE: '20' }
	}
});
