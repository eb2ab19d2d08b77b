/**
 * Names of the catalogue's enumerations as people read them. Kept free of zod so pages
 * that only show a procedure do not download the schema library.
 */

/** Tier of government that handles it. "huyen" survives only in legacy data (no district tier since 01/07/2025). */
export const tiers = ['trung-uong', 'tinh', 'xa', 'huyen'] as const;
export const tierLabels: Record<(typeof tiers)[number], string> = {
	'trung-uong': 'Trung ương',
	tinh: 'Cấp tỉnh',
	xa: 'Cấp xã',
	huyen: 'Cấp huyện (trước 01/07/2025)'
};

/**
 * Online level under Decree 42/2022/NĐ-CP: "toàn trình" (formerly mức độ 4) or
 * "một phần" (formerly mức độ 3). Level 1–2 information exists for every procedure.
 */
export const onlineLevels = ['toan-trinh', 'mot-phan'] as const;
export const onlineLevelLabels: Record<(typeof onlineLevels)[number], { label: string; legacy: string }> = {
	'toan-trinh': { label: 'Toàn trình', legacy: 'mức độ 4' },
	'mot-phan': { label: 'Một phần', legacy: 'mức độ 3' }
};

export const deliveryOptions = ['counter', 'post', 'online'] as const;
export const deliveryLabels: Record<(typeof deliveryOptions)[number], string> = {
	counter: 'Nhận trực tiếp tại Bộ phận một cửa',
	post: 'Nhận qua dịch vụ bưu chính công ích',
	online: 'Nhận bản điện tử trực tuyến'
};
