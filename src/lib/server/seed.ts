/**
 * Development only: demo accounts a newcomer can sign in with, printed to the console.
 * `seedDemoAccounts` itself refuses production; this function is only called when
 * APP_ENV=development (hooks.server.ts), and checks again so a misplaced call stays harmless.
 */
import { DEMO_CITIZEN_PLACE, DEMO_JOURNEY_COMMUNES, ensureDemoOfficer, seedDemoAccounts, seedDemoOfficers, type DemoCredentials } from './accounts';
import type { DevAccount } from '$lib/domain/wire/workflow';
import { agencyFile } from './agencies';
import { serverContext } from './context';

const ROLE_LABEL: Record<DemoCredentials['role'], string> = {
	citizen: 'Công dân / citizen',
	officer: 'Cán bộ một cửa / officer',
	admin: 'Quản trị viên / admin'
};

export function formatDemoCredentials(accounts: DemoCredentials[]): string {
	const lines = accounts.map(
		(a) => `    ${ROLE_LABEL[a.role].padEnd(28)} ${a.fullName.padEnd(18)} CCCD ${a.idNumber}  ĐT ${a.phone}  mật khẩu: ${a.password}`
	);
	return ['', '  Tài khoản thử nghiệm (chỉ ở chế độ phát triển) / demo accounts (development only):', ...lines, ''].join('\n');
}

export async function seedDevelopment(): Promise<DemoCredentials[]> {
	const { config, deps } = await serverContext();
	if (config.env !== 'development') return [];
	const accounts = await seedDemoAccounts(deps);
	console.log(formatDemoCredentials(accounts));
	const officers = await seedDemoOfficers(deps, {
		provinceCode: DEMO_CITIZEN_PLACE.provinceCode,
		communeCodes: DEMO_JOURNEY_COMMUNES,
		// Every agency the send page offers today.
		agencyCodes: agencyFile.agencies.map((a) => a.code)
	});
	for (const officer of officers) console.log(formatDemoOfficer(officer));
	console.log('  Tất cả tài khoản thử nghiệm / all demo accounts: /dev/accounts\n');
	return accounts;
}

export function formatDemoOfficer(o: DevAccount): string {
	return `  Cán bộ thử nghiệm / demo officer: ${o.fullName} (cơ quan ${o.agencyCode})  CCCD ${o.identifier}  mật khẩu: ${o.password}`;
}

/**
 * Development only: a dossier arrived for an agency without an officer; make its demo
 * officer now so the newcomer finds the dossier on a desk (printed in the log).
 */
export async function demoOfficerFor(agencyCode: string): Promise<void> {
	const { config, deps } = await serverContext();
	if (config.env !== 'development') return;
	const officer = await ensureDemoOfficer(deps, agencyCode);
	if (officer) console.log(formatDemoOfficer(officer));
}
