/**
 * Tra cứu hồ sơ: what a lookup may show a person who is not the dossier's owner. The name
 * is masked word by word ("Nguyễn Thị Hồng" → "Nguyễn T** H***"): the family name and each
 * initial stay, so the person at the counter can recognise their own dossier, and nobody
 * can read a stranger's full name from a code printed on a receipt.
 */

/** Keeps the first word and the first letter of every other word; the other letters become '*'. */
export function maskName(fullName: string): string {
	const words = fullName.normalize('NFC').trim().split(/\s+/).filter(Boolean);
	return words
		.map((word, i) => {
			if (i === 0) return word;
			const letters = [...word];
			return letters[0] + '*'.repeat(letters.length - 1);
		})
		.join(' ');
}
