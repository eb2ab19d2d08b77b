/** The development pages: the mailbox of SMS and e-mail "sent" (/dev/mailbox) and the stand-in payment gateway (/dev/payment-gateway). */
export const dev = {
	'mailbox.title': 'Hộp thư thử nghiệm',
	'mailbox.note': 'Chỉ có ở chế độ phát triển: mọi tin nhắn SMS và e-mail ứng dụng "đã gửi" hiện ở đây, mới nhất ở trên.',
	'mailbox.reload': 'Tải lại',
	'mailbox.none': 'Chưa có tin nào.',
	'mailbox.to': 'tới',
	'mailbox.attachments': 'Tệp đính kèm: {files}',
	'gateway.title': 'Cổng thanh toán thử nghiệm',
	'gateway.banner': 'Trang dành cho môi trường phát triển: không có tiền thật. Nói cùng giao thức với VNPAY (chữ ký HMAC-SHA512, IPN, địa chỉ trở về).',
	'gateway.content': 'Nội dung',
	'gateway.amount': 'Số tiền',
	'gateway.txnRef': 'Mã giao dịch (vnp_TxnRef)',
	'gateway.expired': 'Yêu cầu thanh toán đã hết hạn: giao dịch sẽ bị hủy.',
	'gateway.choose': 'Kết quả giao dịch muốn thử',
	'gateway.confirm': 'Xác nhận'
} as const;
