/**
 * The two ways a bank statement reaches reconciliation (./reconcile.ts): the bank's webhook
 * (JSON lines, bearer token `BANK_STATEMENT_TOKEN`) and a CSV file an administrator imports.
 * Both are read into the same statement lines; a booking time that cannot be read is refused.
 */
import { parseBookingTime, readStatementCsv, type StatementLine } from '$lib/domain/bank-statement';
import type { BankStatementLine } from '$lib/domain/wire/payments';
import { ApiError } from '../http/api-error';
import type { BearerService } from '../integration/read';

export const BANK_STATEMENT: BearerService = { name: 'cổng nhận sao kê ngân hàng', variable: 'BANK_STATEMENT_TOKEN' };

/** The webhook's lines with their booking times as ISO instants. */
export function statementLines(lines: readonly BankStatementLine[]): StatementLine[] {
	return lines.map((line, i) => {
		const at = parseBookingTime(line.at);
		if (!at) throw new ApiError('invalid_input', `Thời gian của giao dịch thứ ${i + 1} không đọc được.`, { fields: { [`lines.${i}.at`]: 'Thời điểm ISO 8601, ví dụ 2026-12-06T09:15:00+07:00' } });
		return { ...line, at };
	});
}

/** An imported CSV statement: its lines, or a refusal naming every bad row (nothing is reconciled then). */
export function csvStatementLines(text: string): StatementLine[] {
	if (!text.trim()) throw new ApiError('invalid_input', 'Hãy chọn tệp sao kê (CSV) hoặc dán nội dung sao kê.', { fields: { statement: 'Chưa có nội dung' } });
	const read = readStatementCsv(text);
	if (read.problems.length) throw new ApiError('invalid_input', `Sao kê có dòng không đọc được: ${read.problems.join(' ')}`, { fields: { statement: read.problems[0] } });
	if (!read.lines.length) throw new ApiError('invalid_input', 'Sao kê không có giao dịch nào.', { fields: { statement: 'Không có giao dịch' } });
	return read.lines;
}
