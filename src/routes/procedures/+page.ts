import type { ProcedureSummary } from '$lib/domain/procedure';

export type Facets = {
	agencies: { id: string; name: string }[];
	fields: string[];
	tiers: string[];
	levels: string[];
};

type ListAnswer = {
	items?: (ProcedureSummary & { score: number })[];
	total?: number;
	message?: string;
	facets?: Facets;
	error?: { code: string; message: string; fields?: Record<string, string> };
};

// A universal load: on the server it calls the API in-process; in the browser, when
// offline, the service worker answers /api/procedures from the precached catalogue
// with the same search code, so results are the same either way.
export async function load({ url, fetch }) {
	const params = new URLSearchParams();
	for (const key of ['q', 'agency', 'level', 'tier', 'field']) {
		const v = url.searchParams.get(key);
		if (v) params.set(key, v);
	}
	let answer: ListAnswer;
	try {
		const res = await fetch(`/api/procedures?${params}`);
		answer = await res.json();
	} catch {
		answer = { error: { code: 'offline', message: 'Không tải được danh mục thủ tục. Hãy mở ứng dụng khi có mạng một lần để lưu danh mục.' } };
	}
	return { query: Object.fromEntries(params), ...answer };
}
