/** The catalogue's search (/procedures). */
export const search = {
	searchQuestion: 'Bạn cần làm thủ tục gì?',
	searchHint: 'Gõ có dấu hoặc không dấu, viết tắt cũng được, ví dụ: "khai sinh", "ket hon", "đk tạm trú".',
	outsideIdCard: 'Cấp mới, đổi, cấp lại thẻ căn cước (CCCD) không làm trong danh mục này: hãy đến cơ quan Công an nơi bạn cư trú hoặc đăng ký trên ứng dụng VNeID. Ở đây bạn có thể chứng thực bản sao thẻ căn cước.',
	outsidePassport: 'Cấp hộ chiếu phổ thông không làm trong danh mục này: hãy nộp trên Cổng dịch vụ công của Bộ Công an hoặc tại cơ quan Quản lý xuất nhập cảnh Công an tỉnh/thành phố.',
	searchButton: 'Tìm kiếm',
	filtersSummary: 'Lọc theo cơ quan, mức độ, cấp, lĩnh vực',
	filterAgency: 'Cơ quan thực hiện',
	filterLevel: 'Mức độ dịch vụ công',
	filterTier: 'Cấp thực hiện',
	filterField: 'Lĩnh vực',
	filterAll: 'Tất cả',
	resultCount: '{n} thủ tục',
	resultFor: ' cho "{q}"',
	codeShort: 'Mã {code}'
} as const;
