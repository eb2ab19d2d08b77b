/**
 * The reference data a submission is checked against on the server: the shipped procedure
 * catalogue, the agency directory and the 2025 administrative units (for addresses).
 */
import { getProcedure } from '../catalogue';
import { agencyDirectory, currentUnits, findAgency } from '../agencies';
import type { Reference } from './validate';

export function serverReference(): Reference {
	return { getProcedure, findAgency, directory: agencyDirectory, units: currentUnits };
}
