import { procedureListPage, type ProcedureListPage } from '$lib/client/api/catalogue';

// A universal load: on the server it calls the API in-process; in the browser, when
// offline, the service worker answers /api/procedures from the precached catalogue
// with the same search code, so results are the same either way.
export async function load({ url, fetch }) {
	const params = new URLSearchParams();
	for (const key of ['q', 'agency', 'level', 'tier', 'field']) {
		const v = url.searchParams.get(key);
		if (v) params.set(key, v);
	}
	let answer: ProcedureListPage;
	try {
		answer = await procedureListPage(fetch, params);
	} catch {
		answer = { error: { code: 'offline', message: 'Không tải được danh mục thủ tục. Hãy mở ứng dụng khi có mạng một lần để lưu danh mục.' } };
	}
	return { query: Object.fromEntries(params), ...answer };
}
