/** The old address (before 01/07/2025) in the address field: loaded when someone asks for it. */
export const oldAddress = {
	'address.old': 'Địa chỉ cũ (trước 01/07/2025)',
	'address.loadingOld': 'Đang tải danh mục đơn vị hành chính cũ…',
	'address.oldProvince': 'Tỉnh/thành phố cũ',
	'address.oldDistrict': 'Quận/huyện cũ',
	'address.oldCommune': 'Xã/phường/thị trấn cũ',
	'address.noNew': 'Không xác định được đơn vị mới; hãy chọn xã/phường ở trên.',
	'address.split': 'Đơn vị cũ này đã được chia cho các đơn vị mới dưới đây. Chọn nơi bạn ở:',
	'address.new': 'Đơn vị mới tương ứng:'
} as const;
