/** What a dossier costs (the review step, the receipt, the fees page): the fee summary's words. */
export const fees = {
	'fees.title': 'Lệ phí, phí phải nộp',
	'fees.none': 'Thủ tục này không thu lệ phí, phí với thông tin bạn khai.',
	'fees.total': 'Tổng cộng',
	'fees.exempt': 'Được miễn',
	'fees.perUnit': '{amount}/{unit} × {quantity}',
	'fees.kindLePhi': 'Lệ phí',
	'fees.kindPhi': 'Phí',
	'fees.note': 'Số tiền theo thông tin bạn khai; cơ quan kiểm tra giấy tờ và thông báo số tiền chính thức khi yêu cầu nộp phí.'
} as const;
