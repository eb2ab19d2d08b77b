/**
 * The catalogue on the wire: GET /api/procedures (the search list with its filter menus)
 * and GET /api/procedures/{code} (one procedure with its form). The server and the service
 * worker answer both with the same code (../catalogue-api.ts).
 *
 * The full procedure schema (../procedure.ts) checks the shipped catalogue at build and at
 * start; a page checks only the shape it relies on, so that classic zod stays off the phone.
 */
import * as z from 'zod/mini';
import type { Procedure } from '../procedure';
import { procedureCodeSchema } from './primitives';

const agencyKindSchema = z.object({ id: z.string(), name: z.string() });

export const procedureSummarySchema = z.object({
	code: procedureCodeSchema,
	name: z.string(),
	nameEn: z.optional(z.string()),
	keywords: z.array(z.string()),
	field: z.string(),
	tier: z.string(),
	agency: agencyKindSchema,
	onlineLevel: z.enum(['toan-trinh', 'mot-phan']),
	summary: z.string()
});

export const facetsSchema = z.object({
	agencies: z.array(agencyKindSchema),
	fields: z.array(z.string()),
	tiers: z.array(z.string()),
	levels: z.array(z.string())
});
export type Facets = z.infer<typeof facetsSchema>;

/** GET /api/procedures answer (200). A 400 carries the error envelope plus `facets`. */
export const procedureListAnswerSchema = z.object({
	// A list item is a summary without its keywords (searched, never shown) plus its score.
	items: z.array(z.extend(z.omit(procedureSummarySchema, { keywords: true }), { score: z.number() })),
	total: z.int(),
	facets: facetsSchema,
	message: z.optional(z.string())
});
export type ProcedureListAnswer = z.infer<typeof procedureListAnswerSchema>;

/** GET /api/procedures/{code} answer: the parts a page reads are checked, the rest is kept. */
export const procedureAnswerSchema = z.pipe(
	z.looseObject({
		code: procedureCodeSchema,
		name: z.string(),
		agency: agencyKindSchema,
		onlineLevel: z.enum(['toan-trinh', 'mot-phan']),
		processingTime: z.looseObject({ kind: z.enum(['working-days', 'same-day']) }),
		fees: z.array(z.looseObject({ name: z.string(), amountVnd: z.int() })),
		result: z.looseObject({ name: z.string(), delivery: z.array(z.string()) }),
		form: z.looseObject({
			title: z.string(),
			sections: z.array(z.looseObject({ id: z.string(), title: z.string(), fields: z.array(z.looseObject({ id: z.string(), type: z.string() })) }))
		})
	}),
	// Validated in full when the catalogue was built; the checks above guard the transport.
	z.transform((p) => p as unknown as Procedure)
);

/** The precached catalogue file the service worker answers from (/catalogue.json). */
export const catalogueFileSchema = z.object({ procedures: z.array(procedureAnswerSchema) });
