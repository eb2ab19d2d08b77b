import { type Kysely, type Migration } from 'kysely';
import { dossierSearchText } from '../../dossiers/search-text';

/**
 * The officer workflow: every action is an event row (who, role, agency, from → to, note,
 * payload, the client's request id — unique per dossier so a retry is applied once); the
 * dossier keeps its current status, appointment date, version and the officer who holds it;
 * resubmitted manifests are kept as versions; result files are listed per dossier; the
 * inbox is served by an index on agency + status + appointment date and a folded search
 * text (code, applicant's name and ID number). Development demo accounts are listed with
 * their passwords in `demo_accounts` (empty in production).
 */
export const workflow0011: Migration = {
	async up(db: Kysely<any>) {
		for (const [column, type] of [
			['action', 'text'],
			['actor_id', 'text'],
			['actor_role', 'text'],
			['actor_name', 'text'],
			['agency_code', 'text'],
			['from_status', 'integer'],
			['request_id', 'text'],
			['payload', 'text'],
			['appointment_date', 'text']
		] as const)
			await db.schema.alterTable('dossier_events').addColumn(column, type).execute();
		await db.schema.createIndex('dossier_events_request').on('dossier_events').columns(['dossier_id', 'request_id']).unique().execute();

		for (const [column, type] of [
			['assignee_id', 'text'],
			['applicant_name', 'text'],
			['applicant_id_number', 'text'],
			['search_text', 'text'],
			['updated_at', 'text']
		] as const)
			await db.schema.alterTable('dossiers').addColumn(column, type).execute();
		await db.schema.alterTable('dossiers').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
		await db.schema.createIndex('dossiers_agency_status_appointment').on('dossiers').columns(['agency_code', 'status', 'appointment_date']).execute();

		await db.schema
			.createTable('dossier_versions')
			.addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id').onDelete('cascade'))
			.addColumn('version', 'integer', (c) => c.notNull())
			.addColumn('manifest', 'text', (c) => c.notNull())
			.addColumn('event_id', 'text')
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addPrimaryKeyConstraint('dossier_versions_pk', ['dossier_id', 'version'])
			.execute();

		await db.schema
			.createTable('dossier_results')
			.addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id').onDelete('cascade'))
			.addColumn('sha256', 'text', (c) => c.notNull())
			.addColumn('name', 'text', (c) => c.notNull())
			.addColumn('size', 'integer', (c) => c.notNull())
			.addColumn('type', 'text', (c) => c.notNull())
			.addColumn('event_id', 'text', (c) => c.notNull())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addPrimaryKeyConstraint('dossier_results_pk', ['dossier_id', 'sha256'])
			.execute();

		await db.schema
			.createTable('demo_accounts')
			.addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id').onDelete('cascade'))
			.addColumn('password', 'text', (c) => c.notNull())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.execute();

		// Dossiers received before this migration: applicant, search text, first version.
		const rows = await db
			.selectFrom('dossiers')
			.innerJoin('accounts', 'accounts.id', 'dossiers.account_id')
			.select(['dossiers.id', 'dossiers.code', 'dossiers.manifest', 'dossiers.received_at', 'accounts.full_name', 'accounts.id_number'])
			.execute();
		for (const r of rows) {
			await db
				.updateTable('dossiers')
				.set({ applicant_name: r.full_name, applicant_id_number: r.id_number, search_text: dossierSearchText(r.code, r.full_name, r.id_number), updated_at: r.received_at })
				.where('id', '=', r.id)
				.execute();
			await db.insertInto('dossier_versions').values({ dossier_id: r.id, version: 1, manifest: r.manifest, event_id: null, created_at: r.received_at }).execute();
		}
		await db.updateTable('dossier_events').set({ action: 'submit', actor_role: 'citizen' }).where('status', '=', 1).execute();
	},

	async down(db: Kysely<any>) {
		for (const table of ['demo_accounts', 'dossier_results', 'dossier_versions']) await db.schema.dropTable(table).execute();
		await db.schema.dropIndex('dossiers_agency_status_appointment').execute();
		await db.schema.dropIndex('dossier_events_request').execute();
		for (const column of ['assignee_id', 'applicant_name', 'applicant_id_number', 'search_text', 'updated_at', 'version'])
			await db.schema.alterTable('dossiers').dropColumn(column).execute();
		for (const column of ['action', 'actor_id', 'actor_role', 'actor_name', 'agency_code', 'from_status', 'request_id', 'payload', 'appointment_date'])
			await db.schema.alterTable('dossier_events').dropColumn(column).execute();
	}
};
