import { describe, expect, it } from 'vitest';
import { outsideCatalogue } from '$lib/domain/outside-catalogue';

// Issue 10: "lam cccd" offered "Chứng thực bản sao" as if it were the answer.
describe('requests done outside the catalogue', () => {
	it.each([
		['lam cccd', ['id-card']],
		['làm căn cước công dân', ['id-card']],
		['đổi CMND', ['id-card']],
		['id card', ['id-card']],
		['làm hộ chiếu', ['passport']],
		['passport', ['passport']]
	])('"%s" → %j', (q, topics) => {
		expect(outsideCatalogue(q)).toEqual(topics);
	});

	it.each(['chứng thực cccd', 'photo công chứng căn cước', 'sao y cccd', 'certified copy of my id card', 'khai sinh', 'ho khau', ''])(
		'"%s" is a catalogue request',
		(q) => {
			expect(outsideCatalogue(q)).toEqual([]);
		}
	);
});
