/** select / radio / checkboxes: the answer must be one of the offered options. */
export interface Option {
	value: string;
	label: string;
}

export function validateChoice(value: string, options: readonly Option[]): string | null {
	return options.some((o) => o.value === value)
		? null
		: `Lựa chọn "${value}" không có trong danh sách; hãy chọn lại`;
}

export function validateChoices(values: readonly string[], options: readonly Option[]): string | null {
	for (const v of values) {
		const problem = validateChoice(v, options);
		if (problem) return problem;
	}
	return null;
}
