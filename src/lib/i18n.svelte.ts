/**
 * UI text catalogue. Vietnamese is the language of the app; English is offered for
 * the few who need it. Pages take their words from here through `t`, so adding a
 * language is adding one object. (Pages written before this catalogue still carry
 * inline Vietnamese text; moving them here is ongoing work.)
 */
const vi = {
	appName: 'Dịch vụ công',
	skipToContent: 'Bỏ qua, tới nội dung chính',
	navProcedures: 'Thủ tục',
	navDrafts: 'Hồ sơ đang soạn',
	navOutbox: 'Hồ sơ đã gửi',
	navAccount: 'Tài khoản',
	navSignIn: 'Đăng nhập',
	offline: 'Đang ngoại tuyến: bạn vẫn xem thủ tục và soạn hồ sơ được, hồ sơ sẽ tự gửi khi có mạng.',
	language: 'English',
	homeTitle: 'Dịch vụ công trực tuyến',
	homeLead: 'Tìm thủ tục, khai tờ khai ngay trên điện thoại kể cả khi mất sóng, nộp hồ sơ và theo dõi kết quả.',
	homeSearch: 'Tìm thủ tục hành chính'
} as const;

type Messages = { [K in keyof typeof vi]: string };

const en: Messages = {
	appName: 'Public services',
	skipToContent: 'Skip to main content',
	navProcedures: 'Procedures',
	navDrafts: 'Drafts',
	navOutbox: 'Sent',
	navAccount: 'Account',
	navSignIn: 'Sign in',
	offline: 'You are offline: you can still read procedures and fill forms; dossiers are sent when you are back online.',
	language: 'Tiếng Việt',
	homeTitle: 'Online public services',
	homeLead: 'Find a procedure, fill its form on your phone even without signal, submit and track the result.',
	homeSearch: 'Find an administrative procedure'
};

export const locales = { vi, en } as const;
export type Locale = keyof typeof locales;

export const i18n = $state({ locale: 'vi' as Locale });

export function t(key: keyof Messages): string {
	return locales[i18n.locale][key];
}

export function setLocale(locale: Locale) {
	i18n.locale = locale;
	document.documentElement.lang = locale;
	try {
		localStorage.setItem('locale', locale);
	} catch {
		/* private mode: the choice lasts for this visit */
	}
}

export function restoreLocale() {
	try {
		const saved = localStorage.getItem('locale');
		if (saved === 'en' || saved === 'vi') setLocale(saved);
	} catch {
		/* ignore */
	}
}
