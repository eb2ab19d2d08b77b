import { foldVietnamese } from '$lib/domain/text';

/**
 * What the officer's inbox search looks in: the dossier code, the applicant's name and ID
 * number, folded ("Nguyễn Văn An" → "nguyen van an") and padded with spaces so a folded query
 * matches with one `like '%…%'` on either database.
 */
export function dossierSearchText(code: string, fullName: string, idNumber: string): string {
	return ` ${foldVietnamese(`${code} ${fullName} ${idNumber}`)} `;
}
