/** Issue 12, defect 8: one name rule for the account, the form's name fields and the server. */
import { describe, expect, it } from 'vitest';
import { fullNameSchema } from '$lib/domain/account';
import { nameCharacterMessage, normalizeName } from '$lib/domain/validators/name';
import { validateText } from '$lib/domain/validators/text';

const nameRules = { maxLength: 100, charset: 'name' as const };
const accountNameError = (name: string) => {
	const parsed = fullNameSchema.safeParse(name);
	return parsed.success ? null : parsed.error.issues[0].message;
};

describe('the name rule', () => {
	it('stores decomposed Vietnamese as the precomposed letters (NFC), single-spaced', () => {
		const nfd = '  Nguyễn   Thị  Hoà '.normalize('NFD');
		expect(normalizeName(nfd)).toBe('Nguyễn Thị Hoà');
		expect(fullNameSchema.parse(nfd)).toBe('Nguyễn Thị Hoà'.normalize('NFC'));
		expect(fullNameSchema.parse(nfd)).not.toBe(nfd.trim());
	});

	it('refuses NUL, control characters, bidi overrides and markup in the account name and in a form name field alike', () => {
		const cases: [string, RegExp][] = [
			['Phạm Thị\u0000 Hoa', /U\+0000/],
			['Phạm\u0007 Hoa', /U\+0007/],
			['Phạm \u202Eaoh', /U\+202E/],
			['Phạm \u2066Hoa\u2069', /U\+2066/],
			['Phạm\u200B Hoa', /U\+200B/],
			['<b>Hoa</b>', /"<"/],
			['Hoa &amp; Lan', /"&"/]
		];
		for (const [name, message] of cases) {
			expect(accountNameError(name), JSON.stringify(name)).toMatch(message);
			expect(validateText(name, nameRules), JSON.stringify(name)).toMatch(message);
			expect(nameCharacterMessage(normalizeName(name))).toBe(accountNameError(name));
		}
	});

	it('accepts the names people really have', () => {
		for (const name of ['Nguyễn Thị Hoà', "H'Hen Niê", 'Ksor Y-Blai', 'Lò Thị Ưng', 'Đặng Văn Ơn']) {
			expect(accountNameError(name), name).toBeNull();
			expect(validateText(name, nameRules), name).toBeNull();
		}
	});

	it('refuses NUL and bidi overrides in any text answer, keeping line breaks in long text', () => {
		expect(validateText('số 1\u0000', { maxLength: 100 })).toMatch(/U\+0000/);
		expect(validateText('abc\u202Etxt.exe', { maxLength: 100 })).toMatch(/U\+202E/);
		expect(validateText('dòng 1\ndòng 2', { maxLength: 100 }, true)).toBeNull();
		expect(validateText('dòng 1\ndòng 2', { maxLength: 100 })).toMatch(/U\+000A/);
		expect(validateText('a < b & c', { maxLength: 100 })).toBeNull();
	});
});
