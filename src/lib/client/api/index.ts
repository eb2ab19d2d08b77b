/**
 * The one place the browser and the service worker call our API, by part: ./catalogue.ts,
 * ./dossiers.ts, ./documents.ts, ./accounts.ts, ./agencies.ts, ./lookup.ts, ./payments.ts, each on the request core in ./request.ts. Every function
 * parses the answer with its wire schema (domain/wire), so no page casts network data, and
 * every failure — no network, an error envelope, an answer of the wrong shape — becomes one
 * `ApiFailure`. `createApi(fetch)` takes the fetch to use: SvelteKit's in a load function, a
 * test double in unit tests, the worker's own in the service worker. A page that wants only
 * one part imports that part, so it does not download the schemas of the others.
 */
import { accountsApi } from './accounts';
import { agenciesApi } from './agencies';
import { catalogueApi } from './catalogue';
import { documentsApi } from './documents';
import { dossiersApi } from './dossiers';
import { lookupApi } from './lookup';
import { paymentsApi } from './payments';
import { defaultFetch } from './request';

export { ApiFailure, failureOf, networkFailure, NETWORK_MESSAGE, type FailureKind } from './request';

export function createApi(fetcher: typeof fetch = defaultFetch) {
	return {
		...accountsApi(fetcher),
		...agenciesApi(fetcher),
		...catalogueApi(fetcher),
		...dossiersApi(fetcher),
		...documentsApi(fetcher),
		...lookupApi(fetcher),
		...paymentsApi(fetcher)
	};
}

export type Api = ReturnType<typeof createApi>;

/** For pages and components; load functions and the worker make their own with `createApi(fetch)`. */
export const api = createApi();
