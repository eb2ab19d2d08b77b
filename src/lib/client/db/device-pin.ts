/**
 * The optional PIN lock of an account on this device.
 *
 * The PIN is a privacy lock for a shared phone ("don't let my sibling open my drafts"),
 * not encryption: it is checked on the device only and never sent anywhere. Only a salted
 * PBKDF2 hash is stored, and repeated wrong guesses lock entry for a growing time.
 */
import { openDeviceDb, type DeviceAccount } from './device-db';
import { getDeviceAccount } from './device';

export const PIN_PATTERN = /^\d{4,6}$/;
export const PIN_ITERATIONS = 100_000;
export const PIN_MAX_ATTEMPTS = 5;
export const PIN_LOCK_MS = 5 * 60_000;
/** Doubling stops here so a person is never locked out of their own phone for days. */
const PIN_LOCK_MAX_MS = 24 * 60 * 60_000;

export type PinCheck =
	| { ok: true }
	| { ok: false; wrong: true; attemptsLeft: number }
	| { ok: false; locked: true; until: number }
	| { ok: false; noPin: true };

function toBase64(bytes: ArrayBuffer | Uint8Array): string {
	return btoa(String.fromCharCode(...new Uint8Array(bytes)));
}
function fromBase64(text: string): Uint8Array<ArrayBuffer> {
	return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

async function hashPin(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<string> {
	const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
		'deriveBits'
	]);
	const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256);
	return toBase64(bits);
}

/** Constant-time comparison, so timing does not reveal how much of a hash matched. */
function sameText(a: string, b: string): boolean {
	if (a.length !== b.length) return false;
	let diff = 0;
	for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
	return diff === 0;
}

async function requireAccount(accountId: string): Promise<DeviceAccount> {
	const account = await getDeviceAccount(accountId);
	if (!account) throw new Error('Tài khoản này chưa được lưu trên thiết bị. Hãy đăng nhập lại.');
	return account;
}

export async function setPin(accountId: string, pin: string): Promise<void> {
	if (!PIN_PATTERN.test(pin)) throw new Error('Mã PIN phải gồm 4 đến 6 chữ số.');
	await requireAccount(accountId);
	const salt = crypto.getRandomValues(new Uint8Array(16));
	const pinHash = await hashPin(pin, salt, PIN_ITERATIONS);
	await openDeviceDb().accounts.update(accountId, {
		pinHash,
		pinSalt: toBase64(salt),
		pinIterations: PIN_ITERATIONS,
		failedPinAttempts: 0,
		lockedUntil: undefined
	});
}

export async function clearPin(accountId: string): Promise<void> {
	await openDeviceDb().accounts.update(accountId, {
		pinHash: undefined,
		pinSalt: undefined,
		pinIterations: undefined,
		failedPinAttempts: 0,
		lockedUntil: undefined
	});
}

/** Lock length after the n-th consecutive wrong PIN (n ≥ 5): 5, 10, 20 … minutes. */
export function pinLockDuration(failedAttempts: number): number {
	if (failedAttempts < PIN_MAX_ATTEMPTS) return 0;
	return Math.min(PIN_LOCK_MS * 2 ** (failedAttempts - PIN_MAX_ATTEMPTS), PIN_LOCK_MAX_MS);
}

/**
 * Checks a PIN. Five wrong in a row lock entry for 5 minutes; every further wrong PIN
 * (once the lock has passed) locks again for twice as long. A right PIN resets the count.
 */
export async function verifyPin(accountId: string, pin: string, now: number = Date.now()): Promise<PinCheck> {
	const account = await requireAccount(accountId);
	if (!account.pinHash || !account.pinSalt) return { ok: false, noPin: true };
	if (account.lockedUntil !== undefined && now < account.lockedUntil)
		return { ok: false, locked: true, until: account.lockedUntil };

	const hash = await hashPin(pin, fromBase64(account.pinSalt), account.pinIterations ?? PIN_ITERATIONS);
	const db = openDeviceDb();
	if (sameText(hash, account.pinHash)) {
		await db.accounts.update(accountId, { failedPinAttempts: 0, lockedUntil: undefined });
		return { ok: true };
	}
	// Re-read inside a transaction so two tabs guessing at once both count.
	return db.transaction('rw', [db.accounts], async (db) => {
		const fresh = (await db.accounts.get(accountId)) ?? account;
		const failed = (fresh.failedPinAttempts ?? 0) + 1;
		const lockMs = pinLockDuration(failed);
		const lockedUntil = lockMs > 0 ? now + lockMs : undefined;
		await db.accounts.update(accountId, { failedPinAttempts: failed, lockedUntil });
		if (lockedUntil !== undefined) return { ok: false, locked: true, until: lockedUntil } as const;
		return { ok: false, wrong: true, attemptsLeft: PIN_MAX_ATTEMPTS - failed } as const;
	});
}
