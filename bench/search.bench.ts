/**
 * Procedure search over a synthetic catalogue of 2,000 procedures, about 130 times the
 * shipped one, so that growth of the catalogue does not surprise us. The catalogue is
 * generated deterministically (seeded PRNG) from words of real procedure names; a few real
 * names are mixed in so the queries have true targets. Target: under 10 ms per query.
 */
import { bench, describe } from 'vitest';
import type { ProcedureSummary } from '$lib/domain/procedure';
import { createSearchIndex, searchProcedures, type ProcedureQuery } from '$lib/domain/search';

/** mulberry32: tiny, fast, and the same sequence on every machine. */
function prng(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const actions = ['Đăng ký', 'Cấp', 'Cấp lại', 'Cấp đổi', 'Gia hạn', 'Điều chỉnh', 'Xác nhận', 'Chứng thực', 'Thay đổi', 'Xóa đăng ký', 'Thu hồi', 'Công nhận'];
const objects = ['khai sinh', 'kết hôn', 'khai tử', 'thường trú', 'tạm trú', 'giấy phép xây dựng', 'hộ kinh doanh', 'bản sao trích lục hộ tịch', 'giám hộ', 'nuôi con nuôi', 'trợ cấp xã hội', 'chữ ký', 'hợp đồng', 'quyền sử dụng đất', 'thẻ bảo hiểm y tế', 'giấy phép lái xe', 'chứng chỉ hành nghề', 'tình trạng hôn nhân', 'nhận cha, mẹ, con', 'thay đổi hộ tịch', 'cải chính hộ tịch', 'xác định lại dân tộc', 'hỗ trợ kinh phí chăm sóc', 'di chúc', 'văn bản thỏa thuận phân chia di sản'];
const qualifiers = ['', '', '', 'có yếu tố nước ngoài', 'lưu động', 'cho người đã có hồ sơ, giấy tờ cá nhân', 'kết hợp nhận cha, mẹ, con', 'đối với nhà ở riêng lẻ', 'trong nước', 'cho trẻ em dưới 6 tuổi', 'tại cơ quan đại diện', 'hàng tháng'];
const fields = ['Hộ tịch', 'Chứng thực', 'Đăng ký, quản lý cư trú', 'Hoạt động xây dựng', 'Bảo trợ xã hội', 'Nuôi con nuôi', 'Đất đai', 'Thành lập và hoạt động của hộ kinh doanh', 'Bảo hiểm y tế', 'Giao thông vận tải'];
const agencies = [
	{ id: 'ubnd-xa', name: 'Ủy ban nhân dân cấp xã' },
	{ id: 'cong-an-xa', name: 'Công an cấp xã' },
	{ id: 'so-tu-phap', name: 'Sở Tư pháp' },
	{ id: 'so-xay-dung', name: 'Sở Xây dựng' },
	{ id: 'bhxh-tinh', name: 'Bảo hiểm xã hội cấp tỉnh' }
];
const summaryWords = 'người dân cha mẹ con trẻ em công dân nộp hồ sơ để được cấp giấy tờ khi chuyển đến nơi ở mới hoặc bị mất hư hỏng theo quy định của pháp luật trong thời hạn ngày làm việc tại bộ phận một cửa trực tuyến bản chính bản sao xác nhận đề nghị'.split(' ');
const tiers = ['xa', 'xa', 'tinh', 'trung-uong'] as const;

const real: [string, string][] = [
	['1.001193', 'Thủ tục đăng ký khai sinh'],
	['1.000894', 'Thủ tục đăng ký kết hôn'],
	['1.004884', 'Thủ tục đăng ký lại khai sinh'],
	['2.000815', 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền cấp hoặc chứng nhận'],
	['1.004194', 'Đăng ký tạm trú']
];

function syntheticCatalogue(size: number): ProcedureSummary[] {
	const rnd = prng(20260701);
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
	const phrase = (n: number) => Array.from({ length: n }, () => pick(summaryWords)).join(' ');
	return Array.from({ length: size }, (_, i) => {
		const [code, realName] = real[i] ?? [`${1 + (i % 3)}.${String(100000 + i).padStart(6, '0')}`, ''];
		const object = pick(objects);
		const name = realName || `${pick(actions)} ${object} ${pick(qualifiers)}`.trim();
		return {
			code,
			name,
			keywords: Array.from({ length: 4 + Math.floor(rnd() * 6) }, () => `${pick(actions).toLowerCase()} ${pick(objects)}`),
			field: pick(fields),
			tier: pick(tiers),
			agency: pick(agencies),
			onlineLevel: rnd() < 0.5 ? 'toan-trinh' : 'mot-phan',
			summary: `${phrase(8)} ${object} ${phrase(10)}.`
		};
	});
}

const catalogue = syntheticCatalogue(2000);
const index = createSearchIndex(catalogue);

const queries: Record<string, ProcedureQuery> = {
	'short: "khai sinh"': { q: 'khai sinh' },
	'short, one letter: "d"': { q: 'd' },
	'long: 12 words': { q: 'thủ tục đăng ký khai sinh cho con tại ủy ban nhân dân cấp xã trực tuyến' },
	'typo: "ket hom"': { q: 'ket hom' },
	'typo: "chung thuc bam sao"': { q: 'chung thuc bam sao' },
	'typo fallback, no result: "di chuc tam vang"': { q: 'di chuc tam vang' },
	'filters: "dang ky" + tier + level': { q: 'dang ky', tier: 'xa', level: 'toan-trinh' },
	'filters only, sorted by name': { field: 'Hộ tịch' }
};

describe('searchProcedures over 2,000 procedures', () => {
	for (const [label, query] of Object.entries(queries))
		bench(label, () => void searchProcedures(index, query), { time: 1500 });
});

describe('createSearchIndex', () => {
	bench('index 2,000 procedures', () => void createSearchIndex(catalogue), { iterations: 20 });
});
