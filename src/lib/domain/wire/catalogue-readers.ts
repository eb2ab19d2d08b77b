/**
 * The catalogue's answers read without a schema library: /procedures is on a first visit,
 * whose JavaScript budget (60 KB gzip with the home page) has no room for zod's 17 KB core,
 * and the form page must not grow. Each reader accepts exactly what its schema in
 * ./catalogue.ts accepts; a unit test runs both on the same answers, so they cannot drift.
 */
import type { Procedure } from '../procedure';
import type { ProcedureListAnswer } from './catalogue';

const isString = (v: unknown): v is string => typeof v === 'string';
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const isObject = (v: unknown): v is Record<string, unknown> => Boolean(v) && typeof v === 'object' && !Array.isArray(v);
const isKind = (v: unknown) => isObject(v) && isString(v.id) && isString(v.name);

function isSummary(v: unknown): boolean {
	return (
		isObject(v) &&
		isString(v.code) &&
		/^\d\.\d{6}$/.test(v.code) &&
		isString(v.name) &&
		(v.nameEn === undefined || isString(v.nameEn)) &&
		isString(v.field) &&
		isString(v.tier) &&
		isKind(v.agency) &&
		(v.onlineLevel === 'toan-trinh' || v.onlineLevel === 'mot-phan') &&
		isString(v.summary) &&
		typeof v.score === 'number'
	);
}

export function readFacets(v: unknown): ProcedureListAnswer['facets'] | undefined {
	if (!isObject(v) || !Array.isArray(v.agencies) || !v.agencies.every(isKind) || !isStrings(v.fields) || !isStrings(v.tiers) || !isStrings(v.levels))
		return undefined;
	return v as ProcedureListAnswer['facets'];
}

export function readProcedureListAnswer(body: unknown): ProcedureListAnswer | undefined {
	if (!isObject(body) || !Array.isArray(body.items) || !body.items.every(isSummary)) return undefined;
	if (typeof body.total !== 'number' || !Number.isInteger(body.total) || !readFacets(body.facets)) return undefined;
	if (body.message !== undefined && !isString(body.message)) return undefined;
	return body as ProcedureListAnswer;
}

const PROCEDURE_CODE = /^\d\.\d{6}$/;

/** GET /api/procedures/{code}: the parts a page relies on are checked, the rest is kept as sent. */
export function readProcedure(body: unknown): Procedure | undefined {
	if (!isObject(body) || !isString(body.code) || !PROCEDURE_CODE.test(body.code) || !isString(body.name) || !isKind(body.agency)) return undefined;
	if (body.onlineLevel !== 'toan-trinh' && body.onlineLevel !== 'mot-phan') return undefined;
	if (!isObject(body.processingTime) || (body.processingTime.kind !== 'working-days' && body.processingTime.kind !== 'same-day')) return undefined;
	if (!Array.isArray(body.fees) || !body.fees.every((f) => isObject(f) && isString(f.name) && Number.isInteger(f.amountVnd))) return undefined;
	if (!isObject(body.result) || !isString(body.result.name) || !isStrings(body.result.delivery)) return undefined;
	const form = body.form;
	if (!isObject(form) || !isString(form.title) || !Array.isArray(form.sections)) return undefined;
	const fieldOk = (f: unknown) => isObject(f) && isString(f.id) && isString(f.type);
	if (!form.sections.every((s) => isObject(s) && isString(s.id) && isString(s.title) && Array.isArray(s.fields) && s.fields.every(fieldOk))) return undefined;
	return body as unknown as Procedure;
}
