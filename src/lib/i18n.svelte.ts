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
import { localKeys, readStored, writeStored } from '$lib/client/db/keys';
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

export type Locale = 'vi' | 'en';
export type { Messages };

// English is fetched the first time someone picks it: most people never do, and every page
// would otherwise carry its words (./i18n-en.ts).
let english: typeof import('./i18n-en') | undefined;

export const i18n = $state({ locale: 'vi' as Locale });

/** The text for `key` in the current language; `{name}` placeholders take `params`. */
export function t(key: keyof Messages, params?: Record<string, string | number>): string {
	let text: string = (i18n.locale === 'en' && english ? english.en : vi)[key];
	if (params) for (const [name, value] of Object.entries(params)) text = text.replaceAll(`{${name}}`, String(value));
	return text;
}

const en_ = () => (i18n.locale === 'en' ? english : undefined);
export const tierName = (tier: string) => (en_()?.enTiers ?? tierLabels)[tier as keyof typeof tierLabels] ?? tier;
export const levelName = (level: string) => (en_()?.enLevels ?? onlineLevelLabels)[level as keyof typeof onlineLevelLabels];
export const deliveryName = (method: string) => (en_()?.enDelivery ?? deliveryLabels)[method as keyof typeof deliveryLabels] ?? method;

export async function setLocale(locale: Locale) {
	if (locale === 'en') english ??= await import('./i18n-en');
	i18n.locale = locale;
	document.documentElement.lang = locale;
	// Private mode: the choice lasts for this visit.
	writeStored('local', localKeys.locale, locale);
}

export function restoreLocale() {
	const saved = readStored('local', localKeys.locale);
	if (saved === 'en' || saved === 'vi') void setLocale(saved);
}
