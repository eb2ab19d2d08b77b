// Tra cứu hồ sơ. Rendered on the server (a link in an SMS opens with the answer before any
// script runs); on the phone with no signal, the person's own dossiers answer from the device.
import { browser } from '$app/environment';
import { lookupApi } from '$lib/client/api/lookup';
import { ApiFailure } from '$lib/client/api/request';
import { parseLookupQuery, type LookupEntry } from '$lib/domain/wire/lookup';
import type { PageLoad } from './$types';

export interface LookupPageData {
	code: string;
	idNumber: string;
	/** Undefined until something was asked. */
	results?: LookupEntry[];
	/** 'device': no signal, answered from the person's own dossiers on this phone. */
	source?: 'server' | 'device';
	error?: { message: string; fields?: Record<string, string> };
}

export const load: PageLoad = async ({ url, fetch }): Promise<LookupPageData> => {
	const base = { code: url.searchParams.get('code') ?? '', idNumber: url.searchParams.get('idNumber') ?? '' };
	const parsed = parseLookupQuery(url.searchParams);
	if (!parsed) return base;
	if (!parsed.ok) return { ...base, error: { message: Object.values(parsed.fields)[0], fields: parsed.fields } };
	try {
		return { ...base, results: await lookupApi(fetch).lookup(parsed.query), source: 'server' };
	} catch (error) {
		if (!(error instanceof ApiFailure)) throw error;
		if (error.kind === 'network' && browser) {
			const { lookupOnDevice } = await import('$lib/client/lookup');
			return { ...base, results: await lookupOnDevice(parsed.query), source: 'device' };
		}
		return { ...base, error: { message: error.message, fields: error.fields } };
	}
};
