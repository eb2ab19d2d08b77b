/**
 * The result of a dossier as its owner reads it: the delivery chosen when sending (with the
 * postal fee and, once sent, the tracking number), and the result files the desk attached.
 */
import type { Kysely } from 'kysely';
import { postalFee } from '$lib/domain/postal';
import { formatAddress } from '$lib/domain/units';
import type { ManifestDelivery } from '$lib/domain/wire/dossiers';
import type { ResultView } from '$lib/domain/wire/results';
import type { Database } from '../db/types';
import { serverReference } from '../dossiers/reference';
import { postalTariff } from '../postal-tariff';

/** The postal line and fee of a delivery by post, from the 2025 units and the agency's province. */
export async function postalDetails(db: Kysely<Database>, agencyCode: string, delivery: Extract<ManifestDelivery, { method: 'post' }>) {
	const agency = await db.selectFrom('agencies').select('province_code').where('code', '=', agencyCode).executeTakeFirst();
	let address: string;
	try {
		address = formatAddress(serverReference().units, delivery.address);
	} catch {
		// Checked when sent; units renamed since then still leave the street line to show.
		address = delivery.address.street;
	}
	return { address, postalFee: postalFee(postalTariff(), agency?.province_code ?? null, delivery.address.provinceCode) };
}

export async function resultOf(db: Kysely<Database>, dossier: { id: string; agency_code: string; delivery: ManifestDelivery }): Promise<ResultView> {
	const files = await db.selectFrom('dossier_results').select(['sha256', 'name', 'size', 'type']).where('dossier_id', '=', dossier.id).orderBy('created_at').execute();
	const handed = await db.selectFrom('result_deliveries').select(['tracking_number', 'handed_over_at']).where('dossier_id', '=', dossier.id).executeTakeFirst();
	const post = dossier.delivery.method === 'post' ? await postalDetails(db, dossier.agency_code, dossier.delivery) : {};
	return {
		delivery: { method: dossier.delivery.method, ...post, trackingNumber: handed?.tracking_number ?? null, handedOverAt: handed?.handed_over_at ?? null },
		files: files.map((f) => ({ sha256: f.sha256, name: f.name, size: Number(f.size), type: f.type }))
	};
}
