/**
 * The reference data a submission is checked against on the server: the shipped procedure
 * catalogue, the receiving agencies and the 2025 administrative units (for addresses).
 */
import { decodeCurrentUnits } from '$lib/domain/units';
import { getProcedure } from '../catalogue';
import { findAgency } from '../agencies';
import type { Reference } from './validate';

const unitFiles = import.meta.glob('/data/units/current.json', { eager: true, import: 'default' });

let cached: Reference | undefined;

export function serverReference(): Reference {
	cached ??= { getProcedure, findAgency, units: decodeCurrentUnits(Object.values(unitFiles)[0]) };
	return cached;
}
