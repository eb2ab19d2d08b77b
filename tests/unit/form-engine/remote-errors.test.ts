import { describe, expect, it } from 'vitest';
import { remoteFieldErrors } from '$lib/domain/form-engine';
import { birthForm } from './birth-form.fixture';

// A dossier the server refused (422): its field messages go back onto the draft's fields.
describe('remoteFieldErrors', () => {
	const sent = {
		fullName: 'Nguyễn Văn An',
		dateOfBirth: '01/01/2099',
		children: [{ fullName: 'Nguyễn Thị Bình', dateOfBirth: '02/02/2098' }]
	};

	it('places a message on a field that still holds the value that was sent, with its label', () => {
		const errors = remoteFieldErrors(birthForm, { dateOfBirth: 'Ngày sinh chưa tới' }, sent, structuredClone(sent));
		expect(errors).toEqual([
			{ path: 'dateOfBirth', segments: ['dateOfBirth'], fieldId: 'dateOfBirth', label: 'Ngày sinh', message: 'Ngày sinh chưa tới' }
		]);
	});

	it('drops the message once the person has changed that value', () => {
		const current = { ...structuredClone(sent), dateOfBirth: '01/01/1990' };
		expect(remoteFieldErrors(birthForm, { dateOfBirth: 'Ngày sinh chưa tới' }, sent, current)).toEqual([]);
	});

	it('finds a field inside a repeating group by index and sub-field', () => {
		const errors = remoteFieldErrors(birthForm, { 'children.0.dateOfBirth': 'Ngày sinh chưa tới' }, sent, structuredClone(sent));
		expect(errors).toMatchObject([{ path: 'children.0.dateOfBirth', segments: ['children', 0, 'dateOfBirth'], fieldId: 'dateOfBirth', label: 'Ngày sinh' }]);
		const edited = structuredClone(sent);
		edited.children[0].dateOfBirth = '02/02/1998';
		expect(remoteFieldErrors(birthForm, { 'children.0.dateOfBirth': 'x' }, sent, edited)).toEqual([]);
	});

	it('leaves paths that are not answers of this form to the submit panel, and keeps form order', () => {
		const errors = remoteFieldErrors(
			birthForm,
			{ agencyCode: 'Hãy chọn cơ quan', 'delivery.address': 'x', nonsense: 'x', 'children.0.nope': 'x', dateOfBirth: 'b', fullName: 'a' },
			sent,
			sent
		);
		expect(errors.map((e) => e.path)).toEqual(['fullName', 'dateOfBirth']);
	});

	it('returns nothing when there are no field messages', () => {
		expect(remoteFieldErrors(birthForm, undefined, sent, sent)).toEqual([]);
	});
});
