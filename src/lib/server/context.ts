/**
 * The server's long-lived pieces, made once per process: configuration, the database
 * (migrated before the first request), the messenger. Nothing request-specific lives
 * here; sessions and counters are in the database so several instances can run.
 */
import { mkdirSync } from 'node:fs';
import { getConfig, type Config } from './config';
import { migrateToLatest, openDatabase, type OpenDatabase } from './db';
import { createMessenger } from './messaging';
import type { AccountDeps } from './accounts/deps';
import { syncAgencies } from './agencies';
import { scheduleHousekeeping } from './housekeeping';
import { scheduleOutboxes } from './notifications/schedule';
import { createUploadHandler, type UploadHandler } from './blobs/uploads';
import type { DossierDeps } from './dossiers/submit';
import type { PaymentDeps } from './payments/start';

export interface ServerContext {
	config: Config;
	database: OpenDatabase;
	deps: AccountDeps;
}

let ready: Promise<ServerContext> | undefined;

export function serverContext(): Promise<ServerContext> {
	ready ??= (async () => {
		const config = getConfig();
		mkdirSync(config.dataDir, { recursive: true });
		const database = openDatabase(config);
		await migrateToLatest(database.db);
		await syncAgencies(database.db);
		const messenger = createMessenger(config, database.db);
		const stopHousekeeping = scheduleHousekeeping({ db: database.db, dataDir: config.dataDir, ...config.housekeeping });
		const stopOutboxes = scheduleOutboxes({ db: database.db, config, messenger });
		// adapter-node's own server (`node build`) stops on SIGTERM once nothing else holds the
		// process: it then emits this. PostgreSQL's pool, used every few seconds by the outbox
		// timer, would otherwise keep its sockets open and the process alive for ever.
		process.once('sveltekit:shutdown', () => {
			stopHousekeeping();
			stopOutboxes();
			void database.close();
		});
		return { config, database, deps: { db: database.db, config, messenger } };
	})();
	return ready;
}

// ---- what the dossier and upload routes run on ----

let dossiers: Promise<DossierDeps & { config: Config }> | undefined;
let uploads: Promise<UploadHandler> | undefined;

/** The process-wide database (one pool, migrated once) for the dossier services. Tests build their own deps. */
export function dossierDeps() {
	dossiers ??= serverContext().then(({ database, config }) => ({ db: database.db, config }));
	return dossiers;
}

/** The payment services' database and configuration (VNPay merchant, fee account). */
export function paymentDeps(): Promise<PaymentDeps> {
	return dossierDeps();
}

/** One tus handler per process. */
export function uploadHandler(): Promise<UploadHandler> {
	uploads ??= dossierDeps().then(({ db, config }) => createUploadHandler({ db, config }));
	return uploads;
}
