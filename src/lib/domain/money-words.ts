/**
 * An amount of đồng in words, as a receipt writes it ("Số tiền bằng chữ"):
 * 16000 → "Mười sáu nghìn đồng", 1005000 → "Một triệu không trăm linh năm nghìn đồng".
 * Groups of three digits take nghìn / triệu / tỷ; a zero group is left out; a group after
 * the first always says its hundreds ("không trăm") and a lone unit after it takes "linh".
 */
import { numberInWords } from './date-words';

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const SCALES = ['', 'nghìn', 'triệu', 'tỷ'] as const;

function innerGroup(g: number): string {
	const rest = g % 100;
	const head = `${DIGITS[Math.floor(g / 100)]} trăm`;
	if (rest === 0) return head;
	return `${head} ${rest < 10 ? `linh ${DIGITS[rest]}` : numberInWords(rest)}`;
}

export function amountInWords(amount: number): string {
	if (!Number.isSafeInteger(amount) || amount < 0 || amount >= 1e12) throw new RangeError(`Số tiền ${amount} không đọc được thành chữ`);
	if (amount === 0) return 'Không đồng';
	const groups: number[] = [];
	for (let n = amount; n > 0; n = Math.floor(n / 1000)) groups.push(n % 1000);
	const words: string[] = [];
	for (let i = groups.length - 1; i >= 0; i--) {
		const g = groups[i];
		if (g === 0) continue;
		const text = i === groups.length - 1 ? numberInWords(g) : innerGroup(g);
		words.push(SCALES[i] ? `${text} ${SCALES[i]}` : text);
	}
	const s = `${words.join(' ')} đồng`;
	return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}
