import type { Migration, MigrationProvider } from 'kysely';
import { accounts0001 } from './0001_accounts';
import { dossiers0002 } from './0002_dossiers';
import { referenceVersions0010 } from './0010_reference_versions';
import { workflow0011 } from './0011_workflow';
import { notifications0013 } from './0013_notifications';
import { payments0015 } from './0015_payments';
import { papers0021 } from './0021_papers';
import { mailAttachments0030 } from './0030_mail_attachments';
import { blobReferences0031 } from './0031_blob_references';

/**
 * All migrations, in code rather than files on disk because the server is bundled by
 * Vite. Names sort in the order they must run; append new ones (0002_dossiers, 0003_blobs
 * ...) and never edit one that has shipped.
 */
export const migrations: Record<string, Migration> = {
	'0001_accounts': accounts0001,
	'0002_dossiers': dossiers0002,
	'0010_reference_versions': referenceVersions0010,
	'0011_workflow': workflow0011,
	'0013_notifications': notifications0013,
	'0015_payments': payments0015,
	'0021_papers': papers0021,
	'0030_mail_attachments': mailAttachments0030,
	'0031_blob_references': blobReferences0031
};

export const migrationProvider: MigrationProvider = {
	async getMigrations() {
		return migrations;
	}
};
