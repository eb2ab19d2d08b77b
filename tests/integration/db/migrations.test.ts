import { Migrator, NO_MIGRATIONS, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrationProvider, migrations } from '$lib/server/db/migrations';
import { migrateToLatest } from '$lib/server/db';
import { forEachDatabase } from '../helpers/databases';

const expectedTables = ['accounts', 'agencies', 'one_time_codes', 'outbound_messages', 'rate_limits', 'sessions'];

describe('migrations', () => {
	forEachDatabase((t) => {
		it('creates every table and records each migration once', async () => {
			const { db } = t();
			const tables = (await db.introspection.getTables()).map((table) => table.name).sort();
			expect(tables).toEqual(expect.arrayContaining(expectedTables));
			const applied = await new Migrator({ db, provider: migrationProvider }).getMigrations();
			expect(applied.map((m) => [m.name, Boolean(m.executedAt)])).toEqual(
				Object.keys(migrations).map((name) => [name, true])
			);
		});

		it('is idempotent: a second run applies nothing', async () => {
			const { db } = t();
			const result = await migrateToLatest(db);
			expect(result.results).toEqual([]);
		});

		it('migrates down to empty and up again', async () => {
			const { db } = t();
			const migrator = new Migrator({ db, provider: migrationProvider });
			const down = await migrator.migrateTo(NO_MIGRATIONS);
			expect(down.error).toBeUndefined();
			const left = (await db.introspection.getTables()).map((table) => table.name);
			expect(left.filter((name) => expectedTables.includes(name))).toEqual([]);
			await migrateToLatest(db);
			expect((await db.introspection.getTables()).length).toBeGreaterThanOrEqual(expectedTables.length);
		});

		it('enforces foreign keys and unique ID numbers', async () => {
			const { db } = t();
			const now = new Date().toISOString();
			const account = {
				id: 'a1',
				role: 'citizen' as const,
				full_name: 'Nguyễn Văn A',
				id_number: '001099000001',
				phone: '0912345678',
				password_hash: 'x',
				status: 'active' as const,
				created_at: now,
				updated_at: now
			};
			await db.insertInto('accounts').values(account).execute();
			await expect(
				db.insertInto('accounts').values({ ...account, id: 'a2', phone: '0912345679' }).execute()
			).rejects.toThrow();
			await expect(
				db
					.insertInto('sessions')
					.values({ id: 's', account_id: 'missing', created_at: now, expires_at: now, last_seen_at: now })
					.execute()
			).rejects.toThrow();
			await expect(
				db.insertInto('accounts').values({ ...account, id: 'a3', id_number: '001099000002', phone: '0900000000', role: 'mayor' as never }).execute()
			).rejects.toThrow();
			// Deleting an account removes its sessions (ON DELETE CASCADE).
			await db.insertInto('sessions').values({ id: 's1', account_id: 'a1', created_at: now, expires_at: now, last_seen_at: now }).execute();
			await db.deleteFrom('accounts').where('id', '=', 'a1').execute();
			const { rows } = await sql<{ n: number }>`select count(*) as n from sessions`.execute(db);
			expect(Number(rows[0].n)).toBe(0);
		});
	});
});
