/** Texts every page shares: the header, navigation, the home page. */
export const common = {
	appName: 'Dịch vụ công',
	skipToContent: 'Bỏ qua, tới nội dung chính',
	navProcedures: 'Thủ tục',
	navDrafts: 'Hồ sơ đang soạn',
	navOutbox: 'Hồ sơ đã gửi',
	navDocuments: 'Kho giấy tờ',
	navLookup: 'Tra cứu',
	navAccount: 'Tài khoản',
	navSignIn: 'Đăng nhập',
	offline: 'Đang ngoại tuyến: bạn vẫn xem thủ tục và soạn hồ sơ được, hồ sơ sẽ tự gửi khi có mạng.',
	language: 'English',
	homeTitle: 'Dịch vụ công trực tuyến',
	homeLead: 'Tìm thủ tục, khai tờ khai ngay trên điện thoại kể cả khi mất sóng, nộp hồ sơ và theo dõi kết quả.',
	homeSearch: 'Tìm thủ tục hành chính',
} as const;
