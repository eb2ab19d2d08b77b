import type { search as vi } from '../vi/search';

export const search: Record<keyof typeof vi, string> = {
	searchQuestion: 'Which procedure do you need?',
	searchHint: 'Type in English or Vietnamese, with or without accents, e.g. "birth registration", "marriage", "khai sinh", "chứng thực bản sao".',
	outsideIdCard: 'A new, renewed or replaced ID card (căn cước) is not issued through this catalogue: go to the police office where you live, or apply in the VNeID app. Here you can have a copy of your ID card certified.',
	outsidePassport: 'Ordinary passports are not issued through this catalogue: apply on the Ministry of Public Security’s public-service portal or at the immigration office of the provincial police.',
	searchButton: 'Search',
	filtersSummary: 'Filter by agency, level, tier, field',
	filterAgency: 'Handled by',
	filterLevel: 'Online service level',
	filterTier: 'Tier of government',
	filterField: 'Field',
	filterAll: 'All',
	resultCount: '{n} procedures',
	resultFor: ' for "{q}"',
	codeShort: 'Code {code}'
};
