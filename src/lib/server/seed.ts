/** Development only: demo accounts a newcomer can sign in with, printed to the console. */
export async function seedDevelopment(): Promise<void> {
	// Filled in with the accounts service (demo citizen, officer, admin).
}
