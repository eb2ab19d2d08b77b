/** Tra cứu hồ sơ (/lookup). */
export const lookup = {
	'lookup.title': 'Tra cứu hồ sơ',
	'lookup.lead': 'Xem hồ sơ đang ở bước nào bằng mã hồ sơ (in trên giấy tiếp nhận, gửi trong tin nhắn) hoặc số CCCD của người nộp.',
	'lookup.code': 'Mã hồ sơ',
	'lookup.codeHint': 'Ví dụ 000.00.19.H47-260105-0001',
	'lookup.or': 'hoặc',
	'lookup.idNumber': 'Số CCCD / số định danh của người nộp',
	'lookup.idNumberHint': '12 chữ số',
	'lookup.submit': 'Tra cứu',
	'lookup.none': 'Không tìm thấy hồ sơ nào khớp đúng với thông tin đã nhập. Hãy kiểm tra lại từng chữ số.',
	'lookup.noneOffline': 'Đang không có mạng. Trên máy này không có hồ sơ nào của bạn mang mã này; khi có mạng hãy tra cứu lại.',
	'lookup.fromDevice': 'Đang không có mạng: thông tin lấy từ máy này, có thể chưa phải mới nhất.',
	'lookup.found': 'Tìm thấy {n} hồ sơ',
	'lookup.procedure': 'Thủ tục',
	'lookup.applicant': 'Người nộp',
	'lookup.receivedAt': 'Ngày tiếp nhận',
	'lookup.appointmentDate': 'Ngày hẹn trả kết quả',
	'lookup.status': 'Trạng thái',
	'lookup.open': 'Xem chi tiết và tiến trình',
	'lookup.masked': 'Tên được che bớt để bảo vệ người nộp. Đăng nhập bằng tài khoản đã nộp để xem đầy đủ.'
} as const;
