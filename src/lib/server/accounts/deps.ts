import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { Database } from '../db/types';
import type { Messenger } from '../messaging/messenger';

/** What every accounts service needs; passed in, never global, so tests can swap the clock. */
export interface AccountDeps {
	db: Kysely<Database>;
	config: Pick<Config, 'env'>;
	messenger: Messenger;
	now?: () => Date;
}

export const nowOf = (deps: AccountDeps): Date => (deps.now ? deps.now() : new Date());
export const isoNow = (deps: AccountDeps): string => nowOf(deps).toISOString();
export const isoAfter = (deps: AccountDeps, ms: number): string =>
	new Date(nowOf(deps).getTime() + ms).toISOString();
