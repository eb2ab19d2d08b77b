import type { HandleClientError } from '@sveltejs/kit';

/**
 * An error while the page loads data on the phone. A failed fetch is almost always no signal
 * (or a signal that carries nothing); the error page then says which parts of the app work
 * without it instead of a bare "500".
 */
export const handleError: HandleClientError = ({ error }) => {
	const network = error instanceof TypeError && /fetch|network|load failed/i.test(error.message);
	if (!network) console.error(error);
	return network
		? { message: 'Không kết nối được với máy chủ.', network: true }
		: { message: 'Ứng dụng gặp lỗi khi mở trang này.' };
};
