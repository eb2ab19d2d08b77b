/**
 * Keys of the local profile a form field can be pre-filled from (with consent). Kept in a
 * module of its own, without zod, so the form page does not load the catalogue schemas.
 */
export const autofillKeys = [
	'fullName',
	'dateOfBirth',
	'sex',
	'idNumber',
	'idIssueDate',
	'idIssuePlace',
	'phone',
	'email',
	'permanentAddress',
	'currentAddress',
	'ethnicity',
	'nationality'
] as const;
export type AutofillKey = (typeof autofillKeys)[number];
