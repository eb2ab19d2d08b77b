/**
 * The postal fee of sending a result by public post (dịch vụ bưu chính công ích, Quyết định
 * 45/2016/QĐ-TTg): the citizen pays it to the post office on delivery. The tariff is the
 * operator's, agreed in the province's contract with the post; this deployment's table is
 * data (data/postal/tariff.json, or the file POSTAL_TARIFF_FILE names on the server), laid
 * out as Vietnam Post lists parcel tariffs: weight bands, each with a price within the
 * agency's province (nội tỉnh) and to another province (liên tỉnh), and a price per further
 * 500 g beyond the last band. Amounts in đồng.
 */
import * as z from 'zod/mini';

const vnd = z.int().check(z.minimum(0), z.maximum(10_000_000));
const zonePrices = z.object({ sameProvince: vnd, otherProvince: vnd });

export const postalTariffSchema = z
	.object({
		_comment: z.optional(z.string()),
		/** Where the figures come from (the contract's number and date, once replaced). */
		source: z.string().check(z.minLength(1)),
		/** The weight assumed for one result sent by post (an envelope with a few sheets). */
		itemGrams: z.int().check(z.positive()),
		bands: z
			.array(z.extend(zonePrices, { upToGrams: z.int().check(z.positive()) }))
			.check(
				z.minLength(1),
				z.refine((bands) => bands.every((b, i) => i === 0 || b.upToGrams > bands[i - 1].upToGrams), 'Các nấc khối lượng phải tăng dần'),
				z.refine((bands) => bands.every((b, i) => i === 0 || (b.sameProvince >= bands[i - 1].sameProvince && b.otherProvince >= bands[i - 1].otherProvince)), 'Cước của nấc nặng hơn không được thấp hơn')
			),
		extraPer500Grams: zonePrices
	});
export type PostalTariff = z.infer<typeof postalTariffSchema>;
export type PostalZone = 'sameProvince' | 'otherProvince';

/** Within the agency's province or not; an agency of unknown province counts as another province (the dearer price is shown). */
export function postalZone(agencyProvinceCode: string | null | undefined, deliveryProvinceCode: string): PostalZone {
	return agencyProvinceCode && agencyProvinceCode === deliveryProvinceCode ? 'sameProvince' : 'otherProvince';
}

/** The price of one item of `grams` to `zone`: its weight band, or the last band plus each further 500 g started. */
export function postalFeeOf(tariff: PostalTariff, zone: PostalZone, grams = tariff.itemGrams): number {
	const band = tariff.bands.find((b) => grams <= b.upToGrams);
	if (band) return band[zone];
	const last = tariff.bands[tariff.bands.length - 1];
	return last[zone] + Math.ceil((grams - last.upToGrams) / 500) * tariff.extraPer500Grams[zone];
}

/** The fee of a result sent from the agency's province to the delivery address's province. */
export function postalFee(tariff: PostalTariff, agencyProvinceCode: string | null | undefined, deliveryProvinceCode: string): number {
	return postalFeeOf(tariff, postalZone(agencyProvinceCode, deliveryProvinceCode));
}

/** A postal item number (số hiệu bưu gửi) as the post office prints it: letters and digits, 8–20 long. */
export const TRACKING_NUMBER = /^[A-Z0-9]{8,20}$/;
