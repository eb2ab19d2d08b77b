/** The papers the state holds for the account: GET /api/documents and one paper's file. */
import { documentsAnswerSchema } from '$lib/domain/wire/documents';
import { createCall, data, defaultFetch, failureOf, networkFailure, noStore } from './request';

const fileUrl = (id: string, download = false) => `/api/documents/${encodeURIComponent(id)}/file${download ? '?download=1' : ''}`;

export function documentsApi(fetcher: typeof fetch = defaultFetch) {
	const call = createCall(fetcher);
	return {
		/** GET /api/documents[?procedure=…]: verified and issued papers, and (with a procedure) the slots they already fill. */
		listPapers: (procedure?: string) =>
			data(call(documentsAnswerSchema, procedure ? `/api/documents?${new URLSearchParams({ procedure })}` : '/api/documents', noStore)),
		/** Where a paper's file opens (in the browser's sandboxed viewer) or, with `download`, is saved. */
		paperFileUrl: fileUrl,
		/** The bytes of one paper (to keep it on the device again); its size is in the list, known before this call. */
		fetchPaperFile: async (id: string): Promise<Blob> => {
			let response: Response;
			try {
				response = await fetcher(fileUrl(id), { credentials: 'same-origin', cache: 'no-store' });
			} catch (error) {
				if ((error as Error)?.name === 'AbortError') throw error;
				throw networkFailure();
			}
			if (!response.ok) throw failureOf(response.status, await response.json().catch(() => undefined));
			return response.blob();
		}
	};
}

