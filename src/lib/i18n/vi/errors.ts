/** The error page (routes/+error.svelte): offline, not found, and every other error. */
export const errors = {
	'error.offlineTitle': 'Cần có mạng',
	'error.notFoundTitle': 'Không tìm thấy trang',
	'error.title': 'Có lỗi',
	'error.offline': 'Trang này cần có mạng',
	'error.offlineLead': 'Điện thoại đang không kết nối được với máy chủ, nên trang này chưa mở được. Những gì bạn đã nhập trên máy vẫn còn nguyên.',
	'error.offlineCan': 'Không có mạng, bạn vẫn có thể:',
	'error.drafts': 'Soạn tiếp hồ sơ đang soạn',
	'error.outbox': 'Xem hồ sơ đã gửi và giấy hẹn trả kết quả',
	'error.procedures': 'Tra cứu thủ tục và tải mẫu đơn',
	'error.retry': 'Thử lại',
	'error.notFound': 'Địa chỉ này không có trong ứng dụng, hoặc đã được đổi.',
	'error.find': 'Tìm thủ tục',
	'error.home': 'Về trang chủ',
	'error.code': 'Có lỗi (mã {status})',
	'error.failed': 'Ứng dụng gặp lỗi khi mở trang này.',
	'error.later': ' Hãy thử lại sau ít phút.'
} as const;
