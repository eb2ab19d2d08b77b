/**
 * The person's own details kept on this device to pre-fill forms ("tự điền"), only with
 * explicit consent: processing personal data needs the data subject's consent given by a
 * clear affirmative act (Decree 13/2023/NĐ-CP on personal data protection, Art. 11; the
 * same rule is carried into the Law on Personal Data Protection 91/2025/QH15).
 * Withdrawing consent = `eraseProfile()`.
 */
import type { AccountDb } from './account-db';
import { PROFILE_KEY, profileValuesSchema, type ProfileRecord, type ProfileValues } from './schema';

export type { ProfileRecord, ProfileValues } from './schema';

export class ProfileConsentError extends Error {
	constructor() {
		super('Cần bạn đồng ý lưu thông tin cá nhân trên thiết bị này trước khi lưu hồ sơ cá nhân.');
		this.name = 'ProfileConsentError';
	}
}

export async function getProfile(db: AccountDb): Promise<ProfileRecord | undefined> {
	return db.profile.get(PROFILE_KEY);
}

/**
 * Replaces the stored profile. `consent` must be literally `true`: the caller passes the
 * state of the consent checkbox the person ticked, never a default.
 * Empty values are dropped so "erase one field" works by clearing it.
 */
export async function saveProfile(
	db: AccountDb,
	values: ProfileValues,
	options: { consent: true }
): Promise<ProfileRecord> {
	if (options?.consent !== true) throw new ProfileConsentError();
	const parsed = profileValuesSchema.safeParse(values);
	if (!parsed.success) {
		const field = parsed.error.issues[0]?.path.join('.') || '?';
		throw new Error(`Thông tin cá nhân không hợp lệ ở mục "${field}". Hãy kiểm tra lại.`);
	}
	const clean: ProfileValues = {};
	for (const [key, value] of Object.entries(parsed.data) as [keyof ProfileValues, ProfileValues[keyof ProfileValues]][]) {
		if (typeof value !== 'string') clean[key] = value;
		else if (value.trim()) clean[key] = value.trim();
	}
	const now = new Date().toISOString();
	const record: ProfileRecord = { id: PROFILE_KEY, values: clean, consent: { savedAt: now }, updatedAt: now };
	await db.profile.put(record);
	return record;
}

export async function eraseProfile(db: AccountDb): Promise<void> {
	await db.profile.delete(PROFILE_KEY);
}
