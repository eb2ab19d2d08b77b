/** Space on the phone: a write refused for space, what the app keeps there, what can go. */
export const storage = {
	'space.full': 'Bộ nhớ của máy đã đầy nên chưa lưu được.',
	'space.keep': 'Những gì bạn vừa nhập vẫn ở trên màn hình và được lưu ngay khi có chỗ; đừng đóng trang này.',
	'space.holds': 'Ứng dụng đang giữ trên máy: {inProgress} hồ sơ đang soạn, {sent} hồ sơ đã gửi, {files} tệp đính kèm ({filesSize}).',
	'space.removable': 'Xoá được ngay mà không mất gì: {files} tệp không còn hồ sơ nào dùng và {drafts} hồ sơ bạn đã xoá ({size}).',
	'space.free': 'Xoá những thứ không dùng ({size})',
	'space.freed': 'Đã giải phóng {size}.',
	'space.elsewhere': 'Hãy xoá bớt ảnh, video hoặc ứng dụng không dùng trên điện thoại, hoặc xoá hồ sơ không cần giữ ở trang',
	'space.draftsPage': 'Hồ sơ đang soạn',
	'loss.title': 'Trình duyệt đã xoá dữ liệu của ứng dụng trên máy này (thường do máy thiếu bộ nhớ).',
	'loss.restored': 'Đã lấy lại từ máy chủ {n} hồ sơ đã gửi cùng giấy tiếp nhận: xem ở "Hồ sơ đã gửi".',
	'loss.restoreLater': 'Hồ sơ đã gửi vẫn còn trên máy chủ: khi có mạng và bạn đã đăng nhập, chúng hiện lại ở "Hồ sơ đã gửi".',
	'loss.unsent': 'Không lấy lại được các hồ sơ chưa gửi, vì chúng chỉ được lưu trên máy này:',
	'loss.persisted': 'Trình duyệt đã đồng ý lưu lâu dài: dữ liệu của ứng dụng không còn bị tự xoá khi máy thiếu bộ nhớ.',
	'loss.notPersisted': 'Trình duyệt chưa đồng ý lưu lâu dài (để dữ liệu không bị tự xoá khi máy thiếu bộ nhớ): hãy cài ứng dụng vào màn hình chính.',
	'loss.ok': 'Đã hiểu'
} as const;
