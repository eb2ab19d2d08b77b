/**
 * Development only: demo accounts a newcomer can sign in with, printed to the console.
 * `seedDemoAccounts` itself refuses production; this function is only called when
 * APP_ENV=development (hooks.server.ts), and checks again so a misplaced call stays harmless.
 */
import { seedDemoAccounts, type DemoCredentials } from './accounts';
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
	return accounts;
}
