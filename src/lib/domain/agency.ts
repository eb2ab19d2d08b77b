import { z } from 'zod';

/** data/agencies.json: the kinds of receiving agency and the agencies themselves. */
export const agencyFileSchema = z.object({
	kinds: z.array(z.strictObject({ id: z.string(), name: z.string() })).min(1),
	agencies: z
		.array(
			z.strictObject({
				code: z.string().regex(/^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9]{2}$/),
				kind: z.string(),
				name: z.string().min(1),
				provinceCode: z.string().regex(/^\d{2}$/),
				communeCode: z.string().regex(/^\d{5}$/).nullable()
			})
		)
		.min(1)
});
export type AgencyFile = z.infer<typeof agencyFileSchema>;
export type Agency = AgencyFile['agencies'][number];
