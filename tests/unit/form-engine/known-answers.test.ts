/** Issue 12, defect 6: a dossier answers its procedure's fields only, checked alike on the device and the server. */
import { describe, expect, it } from 'vitest';
import { buildAnswersSchema, collectErrors, formAnswers, validateAnswers } from '$lib/domain/form-engine';
import { TODAY, birthForm, validAnswers } from './birth-form.fixture';

const child = { fullName: 'Trần Minh An', dateOfBirth: '01/06/2019', idNumber: '001219012345' };

describe('answers limited to the form’s fields', () => {
	it('refuses an unknown field id, at the top level and inside a group item', () => {
		const answers = { ...validAnswers(), children: [{ ...child, nickname: 'Bi' }], madeUp: 'x' };
		const result = validateAnswers(birthForm, answers, { today: TODAY });
		expect(result.errors.map((e) => [e.path, e.message])).toEqual([
			['children.0.nickname', 'Tờ khai của thủ tục này không có mục "nickname"'],
			['madeUp', 'Tờ khai của thủ tục này không có mục "madeUp"']
		]);
		const parsed = buildAnswersSchema(birthForm, { today: TODAY }).safeParse(answers);
		expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['children.0.nickname', 'madeUp']);
		// The page's own list of what to fix shows the fields a person can change, not these.
		expect(collectErrors(birthForm, answers, { today: TODAY })).toEqual([]);
	});

	it('sends only the form’s fields from a draft that kept others', () => {
		const answers = { ...validAnswers(), children: [{ ...child, nickname: 'Bi' }], removedLastYear: 'x' };
		const sent = formAnswers(birthForm, answers);
		expect(sent).toEqual({ ...validAnswers(), children: [child] });
		expect(validateAnswers(birthForm, sent, { today: TODAY }).ok).toBe(true);
	});
});
