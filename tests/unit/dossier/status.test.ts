import { describe, expect, it } from 'vitest';
import {
	canTransition,
	dossierStatusNames,
	dossierStatusSchema,
	dossierStatuses,
	isFinalStatus,
	nextStatuses,
	type DossierStatus
} from '$lib/domain/dossier';

describe('dossier statuses', () => {
	it('has the ten national sync codes with their official names', () => {
		expect(dossierStatuses).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		expect(dossierStatusNames[1]).toBe('Mới đăng ký');
		expect(dossierStatusNames[5]).toBe('Yêu cầu bổ sung giấy tờ');
		expect(dossierStatusNames[10]).toBe('Đã trả kết quả');
	});
	it('the schema accepts 1–10 only', () => {
		expect(dossierStatusSchema.parse(4)).toBe(4);
		for (const bad of [0, 11, 2.5, '4']) expect(dossierStatusSchema.safeParse(bad).success).toBe(false);
	});
});

describe('canTransition', () => {
	const allowed: [DossierStatus, DossierStatus][] = [
		[1, 2], [1, 3], [2, 4], [2, 5], [2, 8], [4, 5], [4, 6], [4, 8], [4, 9], [5, 4], [5, 8], [6, 4], [6, 8], [9, 10],
		[1, 7], [2, 7], [4, 7], [5, 7], [6, 7]
	];
	it.each(allowed)('%i → %i is allowed', (from, to) => {
		expect(canTransition(from, to)).toBe(true);
	});

	it('everything else is refused', () => {
		const allowedKeys = new Set(allowed.map(([a, b]) => `${a}>${b}`));
		for (const from of dossierStatuses)
			for (const to of dossierStatuses)
				if (!allowedKeys.has(`${from}>${to}`)) expect(canTransition(from, to), `${from} → ${to}`).toBe(false);
	});

	it('no withdrawal once the result is ready or the dossier is closed', () => {
		for (const s of [3, 7, 8, 9, 10] as DossierStatus[]) expect(canTransition(s, 7)).toBe(false);
	});

	it('final statuses have no way out', () => {
		expect(dossierStatuses.filter(isFinalStatus)).toEqual([3, 7, 8, 10]);
		expect(nextStatuses(10)).toEqual([]);
		expect(nextStatuses(4)).toEqual([5, 6, 8, 9, 7]);
	});
});
