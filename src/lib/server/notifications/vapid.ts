/**
 * The VAPID key pair that signs our pushes: from the configuration in a deployment; in
 * development generated once into `${DATA_DIR}/vapid.json` (so subscriptions survive a
 * restart). Production without keys has no push (e-mail and SMS still go out).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import webpush from 'web-push';
import type { Config } from '../config';
import type { VapidKeys } from './push';

export function resolveVapidKeys(config: Pick<Config, 'env' | 'dataDir' | 'vapid' | 'smtp'>): VapidKeys | undefined {
	const subject = config.vapid?.subject ?? `mailto:${/<([^>]+)>/.exec(config.smtp?.from ?? '')?.[1] ?? 'admin@localhost'}`;
	if (config.vapid) return { publicKey: config.vapid.publicKey, privateKey: config.vapid.privateKey, subject };
	if (config.env === 'production') return undefined;
	const file = join(config.dataDir, 'vapid.json');
	if (existsSync(file)) {
		const saved = JSON.parse(readFileSync(file, 'utf8')) as { publicKey: string; privateKey: string };
		return { ...saved, subject };
	}
	const keys = webpush.generateVAPIDKeys();
	writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
	return { ...keys, subject };
}
