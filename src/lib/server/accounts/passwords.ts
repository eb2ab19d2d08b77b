import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import commonPasswordList from './common-passwords.txt?raw';

/**
 * Password hashing with scrypt (Node's built-in, memory-hard; RFC 7914).
 * Current parameters: N = 2^15, r = 8, p = 1, 16-byte random salt, 64-byte key; this
 * costs 32 MiB of memory per hash (128·N·r bytes), the OWASP Password Storage Cheat
 * Sheet's minimum for scrypt. The stored string carries its own parameters,
 *   scrypt$<log2 N>$<r>$<p>$<salt base64url>$<key base64url>
 * so they can be raised later: old hashes still verify, and `needsRehash` tells the
 * sign-in code to store a new hash while it has the password in hand.
 */

export interface ScryptParams {
	logN: number;
	r: number;
	p: number;
	saltBytes: number;
	keyBytes: number;
}

export const CURRENT_PARAMS: ScryptParams = { logN: 15, r: 8, p: 1, saltBytes: 16, keyBytes: 64 };

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
	const options: ScryptOptions = {
		N: 2 ** params.logN,
		r: params.r,
		p: params.p,
		// Node's default limit (32 MiB) is exactly the need at N=2^15; leave headroom.
		maxmem: 256 * params.r * 2 ** params.logN
	};
	return new Promise((resolve, reject) =>
		scrypt(password.normalize('NFC'), salt, params.keyBytes, options, (error, key) =>
			error ? reject(error) : resolve(key)
		)
	);
}

export async function hashPassword(password: string, params: ScryptParams = CURRENT_PARAMS): Promise<string> {
	const salt = randomBytes(params.saltBytes);
	const key = await derive(password, salt, params);
	return ['scrypt', params.logN, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

interface ParsedHash {
	params: ScryptParams;
	salt: Buffer;
	key: Buffer;
}

function parseHash(stored: string): ParsedHash | null {
	const parts = stored.split('$');
	if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
	const [logN, r, p] = parts.slice(1, 4).map(Number);
	const salt = Buffer.from(parts[4], 'base64url');
	const key = Buffer.from(parts[5], 'base64url');
	if (![logN, r, p].every(Number.isInteger) || logN < 10 || logN > 22 || !salt.length || !key.length) return null;
	return { params: { logN, r, p, saltBytes: salt.length, keyBytes: key.length }, salt, key };
}

/** Constant-time comparison of the derived key. A malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const parsed = parseHash(stored);
	if (!parsed) return false;
	const key = await derive(password, parsed.salt, parsed.params);
	return timingSafeEqual(key, parsed.key);
}

export function needsRehash(stored: string, wanted: ScryptParams = CURRENT_PARAMS): boolean {
	const parsed = parseHash(stored);
	if (!parsed) return true;
	const { params } = parsed;
	return params.logN < wanted.logN || params.r < wanted.r || params.p < wanted.p || params.keyBytes < wanted.keyBytes;
}

const dummyHashes = new Map<number, Promise<string>>();

/**
 * Spends the same work as a real verification when the identifier matches no account,
 * so response time does not tell whether an account exists.
 */
export async function verifyAgainstDummy(password: string, params: ScryptParams = CURRENT_PARAMS): Promise<false> {
	let dummy = dummyHashes.get(params.logN);
	if (!dummy) dummyHashes.set(params.logN, (dummy = hashPassword('dummy password that never matches', params)));
	await verifyPassword(password, await dummy);
	return false;
}

const commonPasswords: ReadonlySet<string> = new Set(
	commonPasswordList
		.split('\n')
		.map((line) => line.trim().toLowerCase())
		.filter((line) => line && !line.startsWith('#'))
);

/** True when the password (ignoring case and surrounding spaces) is on the common list. */
export function isCommonPassword(password: string): boolean {
	return commonPasswords.has(password.trim().toLowerCase());
}

/** A readable random password for staff accounts created by an administrator. */
export function generateTemporaryPassword(): string {
	// No 0/O/1/l/I, so it can be read aloud or copied from paper; 14 chars ≈ 80 bits.
	const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
	return Array.from({ length: 14 }, () => alphabet[randomInt(alphabet.length)]).join('');
}
