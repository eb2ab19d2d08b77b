/**
 * The postal tariff this server charges a result sent by post with: the file POSTAL_TARIFF_FILE
 * names (the province's contract with the post), else the shipped data/postal/tariff.json,
 * whose figures are a placeholder. Checked at build and at every start (hooks.server.ts), so a
 * bad table stops the server with the reason instead of showing a wrong fee.
 */
import { readFileSync } from 'node:fs';
import shipped from '$data/postal/tariff.json';
import { postalTariffSchema, type PostalTariff } from '$lib/domain/postal';

export class PostalTariffError extends Error {}

/** A tariff table read from JSON text; `from` names it in the error. */
export function readPostalTariff(value: unknown, from: string): PostalTariff {
	const parsed = postalTariffSchema.safeParse(value);
	if (!parsed.success) throw new PostalTariffError(`${from}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(tệp)'}: ${i.message}`).join('; ')}`);
	return parsed.data;
}

let cached: { file: string | undefined; tariff: PostalTariff } | undefined;

export function postalTariff(file: string | undefined = process.env.POSTAL_TARIFF_FILE || undefined): PostalTariff {
	if (cached && cached.file === file) return cached.tariff;
	let tariff: PostalTariff;
	if (file) {
		let json: unknown;
		try {
			json = JSON.parse(readFileSync(file, 'utf8'));
		} catch (error) {
			throw new PostalTariffError(`POSTAL_TARIFF_FILE ${file}: ${(error as Error).message}`);
		}
		tariff = readPostalTariff(json, `POSTAL_TARIFF_FILE ${file}`);
	} else tariff = readPostalTariff(shipped, 'data/postal/tariff.json');
	cached = { file, tariff };
	return tariff;
}
