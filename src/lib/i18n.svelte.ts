/**
 * UI text catalogue. Vietnamese is the language of the app; English is offered for
 * the few who need it. Pages take their words from here through `t`, so adding a
 * language is adding one object. (Pages written before this catalogue still carry
 * inline Vietnamese text; moving them here is ongoing work: navigation, home and the
 * catalogue pages are done.) Official texts from the catalogue (procedure names, steps,
 * documents, legal basis) stay in Vietnamese in every language: they are what the
 * agency reads.
 */
import { deliveryLabels, onlineLevelLabels, tierLabels } from '$lib/domain/labels';
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
	homeSearch: 'Tìm thủ tục hành chính',
	// /procedures
	searchQuestion: 'Bạn cần làm thủ tục gì?',
	searchHint: 'Gõ có dấu hoặc không dấu, ví dụ: "khai sinh", "ket hon", "chứng thực bản sao".',
	searchButton: 'Tìm kiếm',
	filtersSummary: 'Lọc theo cơ quan, mức độ, cấp, lĩnh vực',
	filterAgency: 'Cơ quan thực hiện',
	filterLevel: 'Mức độ dịch vụ công',
	filterTier: 'Cấp thực hiện',
	filterField: 'Lĩnh vực',
	filterAll: 'Tất cả',
	resultCount: '{n} thủ tục',
	resultFor: ' cho "{q}"',
	codeShort: 'Mã {code}',
	// /procedures/{code}
	backToList: '‹ Danh sách thủ tục',
	procedureCode: 'Mã thủ tục',
	applyOnline: 'Nộp hồ sơ trực tuyến',
	downloadForm: 'Tải mẫu đơn (PDF)',
	makingForm: 'Đang tạo mẫu đơn…',
	formFailed: 'Không tạo được mẫu đơn: {error}',
	agency: 'Cơ quan thực hiện',
	processingTime: 'Thời hạn giải quyết',
	sameDay: 'Trong ngày tiếp nhận; hồ sơ nhận sau {h} giờ thì trả trong ngày làm việc tiếp theo.',
	workingDays: '{n} ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.',
	result: 'Kết quả',
	steps: 'Các bước thực hiện',
	documents: 'Thành phần hồ sơ',
	copies: '{n} bản',
	isForm: 'Mẫu đơn, tờ khai',
	ifAny: 'Nếu có',
	fees: 'Phí, lệ phí',
	noFees: 'Không thu phí, lệ phí.',
	free: 'Miễn phí',
	exemptions: 'Miễn, giảm:',
	conditions: 'Điều kiện thực hiện',
	legalBasis: 'Căn cứ pháp lý',
	sources: 'Nguồn',
	estimate: 'Nếu nộp bây giờ, ngày hẹn trả dự kiến:',
	kindOriginal: 'Bản chính',
	kindCopy: 'Bản sao',
	kindCertifiedCopy: 'Bản sao có chứng thực',
	kindPresent: 'Xuất trình'
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
	homeSearch: 'Find an administrative procedure',
	searchQuestion: 'Which procedure do you need?',
	searchHint: 'Type in Vietnamese, with or without accents, e.g. "khai sinh" (birth), "ket hon" (marriage), "chứng thực bản sao" (certified copy).',
	searchButton: 'Search',
	filtersSummary: 'Filter by agency, level, tier, field',
	filterAgency: 'Handled by',
	filterLevel: 'Online service level',
	filterTier: 'Tier of government',
	filterField: 'Field',
	filterAll: 'All',
	resultCount: '{n} procedures',
	resultFor: ' for "{q}"',
	codeShort: 'Code {code}',
	backToList: '‹ All procedures',
	procedureCode: 'Procedure code',
	applyOnline: 'Apply online',
	downloadForm: 'Download the form (PDF)',
	makingForm: 'Making the form…',
	formFailed: 'Could not make the form: {error}',
	agency: 'Handled by',
	processingTime: 'Processing time',
	sameDay: 'The same day; dossiers received after {h}:00 are returned on the next working day.',
	workingDays: '{n} working days from receipt of a complete, valid dossier.',
	result: 'Result',
	steps: 'Steps',
	documents: 'Required documents',
	copies: '{n} copies',
	isForm: 'Form / declaration',
	ifAny: 'If applicable',
	fees: 'Fees and charges',
	noFees: 'No fees or charges.',
	free: 'Free',
	exemptions: 'Exemptions and reductions:',
	conditions: 'Conditions',
	legalBasis: 'Legal basis',
	sources: 'Sources',
	estimate: 'If you apply now, the expected return date is:',
	kindOriginal: 'Original',
	kindCopy: 'Copy',
	kindCertifiedCopy: 'Certified copy',
	kindPresent: 'Shown in person'
};

export const locales = { vi, en } as const;
export type Locale = keyof typeof locales;

export const i18n = $state({ locale: 'vi' as Locale });

/** The text for `key` in the current language; `{name}` placeholders take `params`. */
export function t(key: keyof Messages, params?: Record<string, string | number>): string {
	let text: string = locales[i18n.locale][key];
	if (params) for (const [name, value] of Object.entries(params)) text = text.replaceAll(`{${name}}`, String(value));
	return text;
}

// Names of the catalogue's enumerations; Vietnamese from the domain (labels.ts).
const enTiers: Record<keyof typeof tierLabels, string> = {
	'trung-uong': 'Central government',
	tinh: 'Province',
	xa: 'Commune',
	huyen: 'District (before 01/07/2025)'
};
const enLevels: Record<keyof typeof onlineLevelLabels, { label: string; legacy: string }> = {
	'toan-trinh': { label: 'Fully online', legacy: 'level 4' },
	'mot-phan': { label: 'Partly online', legacy: 'level 3' }
};
const enDelivery: Record<keyof typeof deliveryLabels, string> = {
	counter: 'In person at the one-stop desk',
	post: 'By the public postal service',
	online: 'Online, as an electronic copy'
};
const en_ = () => i18n.locale === 'en';
export const tierName = (tier: string) => (en_() ? enTiers : tierLabels)[tier as keyof typeof tierLabels] ?? tier;
export const levelName = (level: string) => (en_() ? enLevels : onlineLevelLabels)[level as keyof typeof onlineLevelLabels];
export const deliveryName = (method: string) => (en_() ? enDelivery : deliveryLabels)[method as keyof typeof deliveryLabels] ?? method;

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
