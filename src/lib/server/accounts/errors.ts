/** The one message for every failed sign-in, so a guess learns nothing about which part was wrong. */
export const INVALID_CREDENTIALS = 'Sai thông tin đăng nhập';
