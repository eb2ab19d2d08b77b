/**
 * The directory (10,000 agencies) is mirrored into the `agencies` table at start, on SQLite and
 * PostgreSQL; a start with unchanged data does not rewrite it, and rows officers refer to stay.
 */
import { describe, expect, it } from 'vitest';
import { agencies, syncAgencies } from '$lib/server/agencies';
import { DEMO_AGENCY } from '$lib/server/accounts/demo';
import { forEachDatabase } from '../helpers/databases';

describe('syncAgencies', () => {
	forEachDatabase((t) => {
		it('writes every agency of the directory once, and again only when the data changed', async () => {
			const { db } = t();
			await db.insertInto('agencies').values(DEMO_AGENCY).execute();
			await syncAgencies(db);
			const count = async () => Number((await db.selectFrom('agencies').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
			expect(await count()).toBe(agencies.length + 1);
			expect(await db.selectFrom('agencies').selectAll().where('code', '=', 'C01.11.30.H26').executeTakeFirst()).toEqual({
				code: 'C01.11.30.H26',
				name: 'Công an xã Sóc Sơn, Hà Nội',
				kind: 'cong-an-xa',
				province_code: '01',
				commune_code: '00376'
			});
			expect(await db.selectFrom('agencies').select('name').where('code', '=', '000.00.14.H37').executeTakeFirst()).toEqual({ name: 'Sở Tư pháp tỉnh Ninh Bình' });

			// Same data: nothing rewritten (a local edit survives).
			await db.updateTable('agencies').set({ name: 'sửa tay' }).where('code', '=', 'C01.11.30.H26').execute();
			await syncAgencies(db);
			expect((await db.selectFrom('agencies').select('name').where('code', '=', 'C01.11.30.H26').executeTakeFirstOrThrow()).name).toBe('sửa tay');

			// Another version of the data: rewritten, no duplicates, the demo desk kept.
			await db.updateTable('reference_versions').set({ version: 'older' }).where('name', '=', 'agencies').execute();
			await syncAgencies(db);
			expect((await db.selectFrom('agencies').select('name').where('code', '=', 'C01.11.30.H26').executeTakeFirstOrThrow()).name).toBe('Công an xã Sóc Sơn, Hà Nội');
			expect(await count()).toBe(agencies.length + 1);
		});
	});
});
