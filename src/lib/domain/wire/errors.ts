/**
 * The error envelope as a zod schema, for tests and for code that already carries zod; the
 * shape, the codes and their statuses are in ./envelope.ts (free of any schema library,
 * because every page reads errors).
 */
import * as z from 'zod/mini';

export * from './envelope';

export const apiErrorBodySchema = z.object({
	/** A code of `errorStatus`; a newer server may send one this release does not know. */
	code: z.string(),
	message: z.string(),
	fields: z.optional(z.record(z.string(), z.string())),
	/** Machine-readable detail beside the fields, e.g. `{ missing: [sha256…] }`. */
	details: z.optional(z.record(z.string(), z.unknown()))
});

export const errorEnvelopeSchema = z.object({ error: apiErrorBodySchema });

