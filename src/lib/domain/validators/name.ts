/**
 * The one rule for a person's name (issue 12, defect 8): the account's full name, the form's
 * name fields and the server all use it. A name is stored NFC-normalised (decomposed
 * Vietnamese from some keyboards becomes the precomposed letters people see), trimmed, with
 * single spaces; it holds letters of any script (with their marks), spaces, ' and - only, so
 * NUL and other control characters, bidi overrides that reorder what an officer reads, and
 * markup are refused with a message naming the character.
 */

/** Letters of any script (Vietnamese with its diacritics, ethnic-minority names), spaces, ' and -. */
const NAME_CHAR = /[\p{L}\p{M} '\u2019-]/u;

/** Control characters, bidi embeddings/overrides/isolates, and the invisible marks that hide or reorder text. */
const HIDDEN_CHAR = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

export function normalizeName(raw: string): string {
	return raw.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/** Why a character cannot be in free text: a control or invisible character, or null. */
export function hiddenCharacterMessage(value: string, allowLineBreaks = false): string | null {
	for (const ch of value) {
		if (allowLineBreaks && (ch === '\n' || ch === '\r' || ch === '\t')) continue;
		if (HIDDEN_CHAR.test(ch))
			return `Có ký tự ẩn (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}); hãy xoá rồi gõ lại đoạn chữ đó`;
	}
	return null;
}

/** A Vietnamese message for the first character a name cannot have, or null. */
export function nameCharacterMessage(value: string): string | null {
	const bad = [...value].find((ch) => !NAME_CHAR.test(ch));
	if (bad === undefined) return null;
	if (HIDDEN_CHAR.test(bad)) return hiddenCharacterMessage(bad);
	return `Chỉ dùng chữ cái, dấu cách, dấu ' hoặc dấu -; hãy bỏ ký tự "${bad}"`;
}
