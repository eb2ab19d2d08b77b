/**
 * Bank-transfer reconciliation for VietQR fees, the parts that need no database: reading a
 * bank statement exported as CSV (what an officer downloads from the bank's portal) and
 * finding the payment reference in a transfer's description. Banks and banking apps add their
 * own words around the description the QR carried ("MBVCB.1234.HS0011130H262612060001N1.CT
 * tu …") and may drop spaces or accents, so the reference is looked for in a folded, compact
 * copy of the text.
 */
export interface StatementLine {
	transactionId: string;
	/** Whole đồng. */
	amount: number;
	description: string;
	/** ISO date-time the bank booked it. */
	at: string;
}

export interface StatementRead {
	lines: StatementLine[];
	/** One message per refused row ("Dòng 3: …"); the good rows are still read. */
	problems: string[];
}

/** Splits one CSV record: commas or semicolons, double quotes around a field, "" for a quote inside. */
function csvFields(row: string, separator: string): string[] {
	const fields: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < row.length; i++) {
		const c = row[i];
		if (quoted) {
			if (c === '"' && row[i + 1] === '"') (field += '"'), i++;
			else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === separator) fields.push(field.trim()), (field = '');
		else field += c;
	}
	fields.push(field.trim());
	return fields;
}

/** "16000", "16.000", "16,000" or "16 000 đ" → 16000; anything with a fraction or no digits → NaN. */
export function parseVndAmount(text: string): number {
	const compact = text.replace(/\s|đ|VND|VNĐ/gi, '');
	if (!/^\d{1,3}([.,]\d{3})*$|^\d+$/.test(compact)) return Number.NaN;
	return Number(compact.replace(/[.,]/g, ''));
}

/** "2026-12-06T09:15:00+07:00", "2026-12-06 09:15" or "06/12/2026 09:15[:00]" (Vietnam time) → ISO, else null. */
export function parseBookingTime(text: string): string | null {
	const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
	const iso = vn ? `${vn[3]}-${vn[2].padStart(2, '0')}-${vn[1].padStart(2, '0')}T${(vn[4] ?? '0').padStart(2, '0')}:${vn[5] ?? '00'}:${vn[6] ?? '00'}+07:00` : text.trim().replace(' ', 'T');
	const withZone = /[zZ]|[+-]\d{2}:\d{2}$/.test(iso) ? iso : `${iso.length === 10 ? `${iso}T00:00:00` : iso}+07:00`;
	const time = new Date(withZone);
	return Number.isNaN(time.getTime()) ? null : time.toISOString();
}

/**
 * A statement as CSV: one transfer a row, `transaction id, amount, description, booking time`
 * (a header row is skipped when its amount is not a number). At most `maxLines` rows.
 */
export function readStatementCsv(text: string, maxLines = 500): StatementRead {
	const rows = text.split(/\r?\n/).filter((r) => r.trim() !== '');
	const separator = rows[0] && rows[0].split(';').length > rows[0].split(',').length ? ';' : ',';
	const lines: StatementLine[] = [];
	const problems: string[] = [];
	const seen = new Set<string>();
	rows.forEach((row, i) => {
		const n = i + 1;
		const [transactionId = '', amountText = '', description = '', atText = ''] = csvFields(row, separator);
		const amount = parseVndAmount(amountText);
		if (i === 0 && Number.isNaN(amount) && !/\d/.test(amountText)) return; // the header
		if (!transactionId || transactionId.length > 100) return void problems.push(`Dòng ${n}: thiếu mã giao dịch của ngân hàng (cột 1).`);
		if (!Number.isSafeInteger(amount) || amount <= 0) return void problems.push(`Dòng ${n}: số tiền "${amountText}" không phải số nguyên đồng dương (cột 2).`);
		if (description.length > 500) return void problems.push(`Dòng ${n}: nội dung chuyển khoản dài quá 500 ký tự.`);
		const at = parseBookingTime(atText);
		if (!at) return void problems.push(`Dòng ${n}: thời gian "${atText}" không đọc được; dùng dd/mm/yyyy hh:mm (cột 4).`);
		if (seen.has(transactionId)) return void problems.push(`Dòng ${n}: mã giao dịch ${transactionId} lặp lại trong tệp.`);
		seen.add(transactionId);
		lines.push({ transactionId, amount, description, at });
	});
	if (lines.length > maxLines) return { lines: [], problems: [`Tệp có ${lines.length} giao dịch; mỗi lần nhập tối đa ${maxLines}.`] };
	return { lines, problems };
}

/**
 * Every string a payment reference could be inside the description: our references start with
 * "HS" and are 6–25 letters and digits (`obligationReference`), so each "HS" of the compact
 * description with each possible length. The database then says which one is a reference.
 */
export function referenceCandidates(description: string): string[] {
	const text = description
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/đ/g, 'd')
		.replace(/Đ/g, 'D')
		.toUpperCase()
		.replace(/[^A-Z0-9]/g, '');
	const found = new Set<string>();
	for (let at = text.indexOf('HS'); at !== -1; at = text.indexOf('HS', at + 1))
		for (let length = 6; length <= 25 && at + length <= text.length; length++) found.add(text.slice(at, at + length));
	return [...found];
}
