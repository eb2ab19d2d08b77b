import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { Database } from '../db/types';
import type { Messenger } from '../messaging/messenger';
import type { ScryptParams } from './passwords';

/** What every accounts service needs; passed in, never global, so tests can swap the clock. */
export interface AccountDeps {
	db: Kysely<Database>;
	config: Pick<Config, 'env'>;
	messenger: Messenger;
	now?: () => Date;
	/**
	 * Password hashing cost; defaults to CURRENT_PARAMS. Tests lower it to stay fast on
	 * small machines (the stored hash records whatever was used).
	 */
	passwordParams?: ScryptParams;
}

export const nowOf = (deps: AccountDeps): Date => (deps.now ? deps.now() : new Date());
export const isoNow = (deps: AccountDeps): string => nowOf(deps).toISOString();
export const isoAfter = (deps: AccountDeps, ms: number): string =>
	new Date(nowOf(deps).getTime() + ms).toISOString();
