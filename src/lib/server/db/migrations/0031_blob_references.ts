import type { Kysely, Migration } from 'kysely';

/**
 * Orphan files (issue 12, defect 12): housekeeping and the upload quota ask "does anything
 * use this file?" by SHA-256 of the dossier attachments, results and papers, and "which
 * files are old?" of the blobs; these indexes keep both questions off full-table scans.
 */
export const blobReferences0031: Migration = {
	async up(db: Kysely<any>) {
		await db.schema.createIndex('dossier_attachments_sha256').on('dossier_attachments').column('sha256').execute();
		await db.schema.createIndex('dossier_results_sha256').on('dossier_results').column('sha256').execute();
		await db.schema.createIndex('papers_sha256').on('papers').column('sha256').execute();
		await db.schema.createIndex('blobs_created_at').on('blobs').column('created_at').execute();
		await db.schema.createIndex('uploads_open_created_at').on('uploads').columns(['completed_at', 'created_at']).execute();
	},
	async down(db: Kysely<any>) {
		for (const name of ['uploads_open_created_at', 'blobs_created_at', 'papers_sha256', 'dossier_results_sha256', 'dossier_attachments_sha256'])
			await db.schema.dropIndex(name).execute();
	}
};
