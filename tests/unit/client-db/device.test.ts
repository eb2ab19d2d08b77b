import './helpers';
import { afterEach, describe, expect, it } from 'vitest';
import { getCurrentAccount, getDeviceAccount, hasPin, listDeviceAccounts, rememberAccount, setCurrentAccount } from '$lib/client/db/device';
import { clearPin, PIN_LOCK_MS, setPin, verifyPin } from '$lib/client/db/device-pin';
import { resetDatabases } from './helpers';

afterEach(resetDatabases);

const person = { accountId: 'u1', displayName: 'Nguyễn Văn A', maskedId: '0012••••••34' };

describe('device accounts', () => {
	it('lists accounts most recently used first and remembers the current one', async () => {
		await rememberAccount(person, 1000);
		await rememberAccount({ accountId: 'u2', displayName: 'Trần B', maskedId: '0793••••••01' }, 2000);
		await rememberAccount(person, 3000);
		expect((await listDeviceAccounts()).map((a) => a.accountId)).toEqual(['u1', 'u2']);
		expect(await getCurrentAccount()).toBeNull();
		await setCurrentAccount('u2');
		expect(await getCurrentAccount()).toBe('u2');
		await setCurrentAccount(null);
		expect(await getCurrentAccount()).toBeNull();
	});
});

describe('PIN lock', () => {
	it('stores only a salted hash and accepts the right PIN', async () => {
		await rememberAccount(person);
		await setPin('u1', '2468');
		const stored = await getDeviceAccount('u1');
		expect(JSON.stringify(stored)).not.toContain('2468');
		expect(stored?.pinIterations).toBe(100_000);
		expect(await verifyPin('u1', '2468')).toEqual({ ok: true });
		expect(await hasPin('u1')).toBe(true);
		await clearPin('u1');
		expect(await hasPin('u1')).toBe(false);
		expect(await verifyPin('u1', '2468')).toEqual({ ok: false, noPin: true });
	});

	it('refuses PINs that are not 4–6 digits', async () => {
		await rememberAccount(person);
		for (const bad of ['123', '1234567', '12a4', ''])
			await expect(setPin('u1', bad)).rejects.toThrow('4 đến 6 chữ số');
	});

	it('locks for 5 minutes after 5 wrong PINs, then doubles, and a right PIN resets', async () => {
		await rememberAccount(person);
		await setPin('u1', '135790');
		let now = 1_000_000;

		for (let left = 4; left >= 1; left--)
			expect(await verifyPin('u1', '000000', now)).toEqual({ ok: false, wrong: true, attemptsLeft: left });
		expect(await verifyPin('u1', '000000', now)).toEqual({ ok: false, locked: true, until: now + PIN_LOCK_MS });

		// While locked even the right PIN is refused, and guesses do not count.
		now += PIN_LOCK_MS - 1;
		expect(await verifyPin('u1', '135790', now)).toEqual({ ok: false, locked: true, until: 1_000_000 + PIN_LOCK_MS });

		now += 1; // lock over; one more wrong → 10 minutes
		expect(await verifyPin('u1', '111111', now)).toEqual({ ok: false, locked: true, until: now + 2 * PIN_LOCK_MS });

		now += 2 * PIN_LOCK_MS;
		expect(await verifyPin('u1', '135790', now)).toEqual({ ok: true });
		expect(await verifyPin('u1', '000000', now)).toEqual({ ok: false, wrong: true, attemptsLeft: 4 });
	});
});
