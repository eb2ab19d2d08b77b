import type { Procedure } from '$lib/domain/procedure';

/** A procedure with its form definition; offline the service worker answers from the precached catalogue. */
export async function fetchProcedure(code: string, f: typeof fetch = fetch): Promise<Procedure> {
	const res = await f(`/api/procedures/${encodeURIComponent(code)}`);
	const body = await res.json().catch(() => ({}));
	if (!res.ok) throw new Error(body?.error?.message ?? `Không tải được thủ tục ${code}.`);
	return body as Procedure;
}
