/** The receiving agency at the submit step (which agency, why, and where to hand in). */
export const agencies = {
	'agency.title': 'Cơ quan tiếp nhận hồ sơ',
	'agency.loading': 'Đang tìm cơ quan tiếp nhận…',
	'agency.notOnDevice': 'Máy chưa có danh bạ cơ quan tiếp nhận (khoảng 10 KB). Hãy bật mạng một lần để tải; sau đó không cần mạng nữa.',
	'agency.retry': 'Thử lại',
	'agency.reason': 'Lý do: {reason}',
	'agency.desk': 'Nộp và nhận kết quả tại: {desk}',
	'agency.basis': 'Căn cứ: {basis}.',
	'agency.defaultOutside': 'Cơ quan được chọn sẵn ở ngoài tỉnh/thành phố nơi bạn ở ({province}), vì pháp luật giao thủ tục này cho cơ quan ở {reason}. Bạn có thể chọn cơ quan khác ở dưới nếu có.',
	'agency.notHome': 'Lưu ý: cơ quan bạn chọn không ở nơi bạn cư trú ({place}). Hãy chắc chắn đây là nơi bạn muốn nộp hồ sơ.',
	'agency.anywhere': 'Thủ tục này nộp được ở bất kỳ xã/phường nào, không phụ thuộc nơi cư trú.',
	'agency.otherPlace': 'Nộp ở xã/phường khác',
	'agency.chosenPlace': 'nơi bạn chọn nộp hồ sơ',
	'agency.illustrative': 'Mã cơ quan {code} là mã minh hoạ (chưa phải mã chính thức).'
} as const;
