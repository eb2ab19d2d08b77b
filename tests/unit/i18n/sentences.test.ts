import { readFileSync, readdirSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sentences, translate } from '$lib/i18n/en/sentences';
import { placeholders } from '$lib/i18n/translate';
import { i18n, inLanguage, setLocale } from '$lib/i18n.svelte';
import { validateAttachments, validateDate, validateIdNumber, validateNumber, validatePhone, validateTaxCode, validateText, requiredMessage } from '$lib/domain/validators';
import { fullNameSchema, passwordSchema } from '$lib/domain/account';
import { summarizeFields } from '$lib/domain/wire/envelope';
import { rateLimited } from '$lib/server/http/api-error';

/** A letter only Vietnamese writes (tone marks, ă â đ ê ô ơ ư): none may be left in an English sentence. */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

afterEach(() => {
	i18n.locale = 'vi';
	vi.unstubAllGlobals();
});

/** An official text (legal basis) stays Vietnamese in English. */
const official = (s: string) => s.replace(/Luật Căn cước 2023/g, '');

describe('the English of sentences that travel as Vietnamese text', () => {
	it('every entry has English, with the same placeholders, and no Vietnamese left in it', () => {
		for (const [vietnamese, english] of Object.entries(sentences)) {
			expect(english.trim(), vietnamese).not.toBe('');
			expect(placeholders(english).sort(), vietnamese).toEqual(placeholders(vietnamese).sort());
			expect(official(english), vietnamese).not.toMatch(VIETNAMESE);
		}
	});

	it('every entry, filled, is read back as itself and no other (most specific first)', () => {
		for (const [vietnamese, english] of Object.entries(sentences)) {
			const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, name: string) => `X${name}9`);
			expect(translate(fill(vietnamese)), vietnamese).toBe(fill(english));
		}
	});

	it('validator messages come out in English, amounts in the English style, a sentence inside a sentence too', () => {
		const cases: [string | null, string][] = [
			[validateDate('31/02/2024'), '31/02 is not a date in the calendar'],
			[validateDate('5 3 2024'), 'Enter the date as day/month/year, e.g. 05/03/2024'],
			[validateText('x'.repeat(10_001), { maxLength: 10_000 }), 'At most 10,000 characters (now 10,001)'],
			[validateNumber('0,5', { integer: false, min: 1.5, unit: 'kg' }), 'The smallest allowed is 1.5 kg'],
			[validatePhone('01234567890'), '11-digit numbers starting 0123 changed to 083 in 2018; enter 0834567890'],
			[validateIdNumber('001190012345', { sex: 'nam' }), 'The 4th digit is 1 (female) but the sex given is male; check the ID number or the sex'],
			[validateIdNumber('001090012345', { sex: 'nu' }), 'The 4th digit is 0 (male) but the sex given is female; check the ID number or the sex'],
			[validateTaxCode('001abc'), 'A tax code has digits only (a branch code has one - as well)'],
			[validateTaxCode('999090012345'), 'A 12-digit tax code is the personal ID number: The first 3 digits "999" are not the code of a province of birth registration; check the number printed on the card'],
			[validateAttachments([1, 2].map((n) => ({ sha256: String(n).repeat(64), name: `a${n}.pdf`, size: 1, type: 'application/pdf' })), { accept: ['application/pdf'], maxFiles: 1 }), 'At most 1 files (now 2); remove some'],
			[requiredMessage({ id: 'fullName', type: 'text', label: 'Họ, chữ đệm, tên', required: true, maxLength: 100 } as never), 'Enter "họ, chữ đệm, tên"'],
			[fullNameSchema.safeParse('A').error!.issues[0].message, 'Enter your full name as on your ID card'],
			[passwordSchema.safeParse('short').error!.issues[0].message, 'The password must have at least 8 characters'],
			[rateLimited(5_000, 'Bạn đã thử đăng nhập').message, 'You have tried to sign in too many times. Try again in 5 seconds.'],
			[rateLimited(120_000, 'Bạn đã nhập mã').message, 'You have entered a code too many times. Try again in 2 minutes.'],
			[summarizeFields({ a: 'x', b: 'y' }, 'Hồ sơ chưa hợp lệ'), 'The application is not valid yet: 2 things to fix']
		];
		for (const [message, english] of cases) expect(translate(message!)).toBe(english);
	});

	it('a sentence no entry knows (a newer server) is shown as it came', () => {
		expect(translate('Một câu mới của máy chủ')).toBe('Một câu mới của máy chủ');
	});

	it('inLanguage gives the Vietnamese as is, and the English once English is on', async () => {
		const message = validateDate('31/02/2024')!;
		expect(inLanguage(message)).toBe('Ngày 31/02 không có trong lịch');
		vi.stubGlobal('document', { documentElement: {} });
		await setLocale('en');
		expect(inLanguage(message)).toBe('31/02 is not a date in the calendar');
		expect(inLanguage(undefined)).toBeUndefined();
	});
});

// Every message literal in the modules whose sentences reach a person must have its entry: a new
// message without English fails here. `${…}` stands for a placeholder; the literals listed as
// words (not sentences) are left out.
describe('no message without its English', () => {
	const dirs = ['src/lib/domain/validators', 'src/lib/domain/form-engine'];
	const files = [
		...dirs.flatMap((d) => readdirSync(d).map((f) => `${d}/${f}`)),
		'src/lib/domain/account.ts',
		'src/lib/client/sync/engine.ts',
		'src/lib/client/sync/submission.ts',
		'src/lib/client/sync/actions.ts',
		'src/lib/client/api/request.ts',
		'src/lib/client/pdf/engine.ts',
		'src/lib/client/db/documents.ts',
		'src/lib/client/db/drafts.ts',
		'src/lib/client/db/device.ts',
		'src/lib/client/db/profile.ts',
		'src/lib/client/db/papers.ts',
		'src/lib/client/units.ts',
		'src/lib/client/db/accounts.ts',
		'src/lib/client/db/account-db.ts',
		'src/lib/client/db/dossier-cache.ts',
		'src/lib/domain/documents.ts',
		'src/lib/domain/wire/dossiers.ts',
		'src/lib/domain/wire/primitives.ts',
		// The server's answers a phone shows: sending an application, uploads, the account pages.
		'src/lib/server/blobs/orphans.ts',
		'src/lib/server/blobs/uploads.ts',
		'src/lib/server/blobs/verify-upload.ts',
		'src/lib/server/dossiers/validate.ts',
		'src/lib/server/dossiers/submit.ts',
		'src/lib/server/dossiers/limits.ts',
		'src/lib/server/http/api-error.ts',
		'src/lib/server/http/respond.ts',
		'src/lib/server/accounts/codes.ts',
		'src/lib/server/accounts/register.ts',
		'src/lib/server/accounts/password.ts',
		'src/lib/server/accounts/sign-in.ts',
		'src/lib/server/accounts/password-rules.ts',
		'src/lib/server/accounts/profile.ts',
		'src/lib/server/accounts/profile-api.ts',
		'src/lib/server/lookup/index.ts',
		'src/lib/server/routing.ts'
	];
	const words = new Set([
		'nữ',
		'${source.title} (bản sao)',
		// Pieces of a sentence, each sentence with its entry.
		' hoặc ',
		'${o.agency.name} (${o.reason})',
		'${seconds} giây',
		'${Math.ceil(seconds / 60)} phút',
		'${what} quá nhiều lần. Vui lòng thử lại sau ${wait}.',
		'tệp',
		// Family relations: the store's pages name them from its words ($lib/i18n/documents.ts).
		'Vợ/chồng', 'Cha/mẹ', 'Anh/chị/em', 'Ông/bà', 'Cháu', 'Người thân khác',
		// What the code sent by SMS or e-mail is for, and its text: a message, not the app's page.
		'Mã kích hoạt tài khoản', 'kích hoạt tài khoản', 'Mã đặt lại mật khẩu', 'đặt lại mật khẩu', 'Mã xác nhận đổi số CCCD', 'xác nhận đổi số CCCD',
		'Mã ${action} trên Dịch vụ công của bạn là ${code}. Mã có hiệu lực 10 phút. Không đưa mã này cho bất kỳ ai, kể cả người xưng là cán bộ.',
		// Two sentences, one per sex, each with its entry (checked by the validator cases above).
		'Chữ số thứ 4 là ${centuryDigit} (giới tính ${sexWord(parts.sex)}) nhưng giới tính đã khai là ${sexWord(ctx.sex)}; hãy soát lại số định danh hoặc giới tính'
	]);
	it.each(files)('%s', (file) => {
		const source = readFileSync(file, 'utf8')
			.split('\n')
			.filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
			.join('\n');
		const literals = [...source.matchAll(/'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g)].map((m) => (m[1] ?? m[2]).replace(/\\'/g, "'"));
		for (const literal of literals.filter((l) => VIETNAMESE.test(l) && !words.has(l))) {
			const sample = literal.replace(/\$\{[^}]*\}/g, 'Abc');
			expect(official(translate(sample)), literal).not.toMatch(VIETNAMESE);
		}
	});
});
