import { redirect } from '@sveltejs/kit';
import { changePassword, confirmIdNumberChange, updateProfile } from '$lib/server/accounts';
import { serverContext } from '$lib/server/context';
import { actionFailure, formValues } from '$lib/server/http/form-actions';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function requireAccount(locals: App.Locals) {
	if (!locals.account) redirect(303, '/signin?next=/account');
	return locals.account;
}

/** ISO yyyy-mm-dd → dd/mm/yyyy, the way people write it. */
const toDisplayDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');

export const load: PageServerLoad = ({ locals, url }) => {
	const a = requireAccount(locals);
	return {
		welcome: url.searchParams.has('welcome'),
		account: {
			id: a.id,
			role: a.role,
			fullName: a.fullName,
			idNumber: a.idNumber,
			pendingIdNumber: a.pendingIdNumber,
			dateOfBirth: toDisplayDate(a.dateOfBirth),
			sex: a.sex,
			phone: a.phone,
			email: a.email ?? '',
			permanentAddress: a.permanentAddress
		}
	};
};

async function withForm(event: RequestEvent) {
	const account = requireAccount(event.locals);
	const { deps } = await serverContext();
	return { account, deps, values: formValues(await event.request.formData()) };
}

export const actions: Actions = {
	profile: async (event) => {
		const { account, deps, values } = await withForm(event);
		let address: unknown;
		try {
			address = values.permanentAddress ? JSON.parse(values.permanentAddress) : undefined;
		} catch {
			address = undefined;
		}
		try {
			const result = await updateProfile(
				deps,
				account.id,
				{
					fullName: values.fullName,
					idNumber: values.idNumber,
					dateOfBirth: values.dateOfBirth || undefined,
					sex: (values.sex || undefined) as 'nam' | 'nu' | undefined,
					phone: values.phone,
					email: values.email ?? '',
					permanentAddress: address as never
				},
				{ channel: values.channel === 'email' ? 'email' : 'sms' }
			);
			return {
				action: 'profile',
				saved: result.idNumberChange
					? `Đã lưu. Số CCCD mới chỉ được áp dụng sau khi bạn nhập mã xác nhận đã gửi tới ${result.idNumberChange.sentTo}.`
					: 'Đã lưu thông tin tài khoản.'
			};
		} catch (error) {
			return actionFailure(error, { ...values, action: 'profile' });
		}
	},
	confirmId: async (event) => {
		const { account, deps, values } = await withForm(event);
		try {
			await confirmIdNumberChange(deps, account.id, values.code ?? '');
			return { action: 'confirmId', saved: 'Đã xác nhận số CCCD mới.' };
		} catch (error) {
			return actionFailure(error, { action: 'confirmId' });
		}
	},
	password: async (event) => {
		const { account, deps, values } = await withForm(event);
		try {
			await changePassword(deps, {
				accountId: account.id,
				currentPassword: values.currentPassword ?? '',
				newPassword: values.newPassword ?? '',
				keepToken: event.locals.sessionToken ?? undefined
			});
			return { action: 'password', saved: 'Đã đổi mật khẩu. Các thiết bị khác đã được đăng xuất.' };
		} catch (error) {
			return actionFailure(error, { action: 'password' });
		}
	}
};
