import type { oldAddress as vi } from '../vi/old-address';

export const oldAddress: { [K in keyof typeof vi]: string } = {
	'address.old': 'Old address (before 01/07/2025)',
	'address.loadingOld': 'Loading the old administrative units…',
	'address.oldProvince': 'Old province/city',
	'address.oldDistrict': 'Old district',
	'address.oldCommune': 'Old commune/ward/town',
	'address.noNew': 'The new unit could not be determined; choose the commune/ward above.',
	'address.split': 'This old unit was divided among the new units below. Choose where you live:',
	'address.new': 'The corresponding new unit:'
};
