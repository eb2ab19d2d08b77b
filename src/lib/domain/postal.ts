/**
 * The postal fee of sending a result by public post (dịch vụ bưu chính công ích, Quyết định
 * 45/2016/QĐ-TTg): the citizen pays it to the post office on delivery. The tariff is the
 * operator's; these are the amounts this deployment shows before the person chooses post
 * (within the agency's province, or to another province), in đồng.
 */
export const POSTAL_FEE = { sameProvince: 25_000, otherProvince: 35_000 } as const;

export function postalFee(agencyProvinceCode: string | null, deliveryProvinceCode: string): number {
	return agencyProvinceCode !== null && agencyProvinceCode === deliveryProvinceCode ? POSTAL_FEE.sameProvince : POSTAL_FEE.otherProvince;
}

/** A postal item number (số hiệu bưu gửi) as the post office prints it: letters and digits, 8–20 long. */
export const TRACKING_NUMBER = /^[A-Z0-9]{8,20}$/;
