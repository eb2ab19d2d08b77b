/** Accounts services: each takes `AccountDeps` ({ db, config, messenger, now? }) first. */
export type { AccountDeps } from './deps';
export { INVALID_CREDENTIALS } from './errors';
export { register, activate, resendActivationCode, resendActivationByIdentifier, type AccountTarget, type RegistrationResult } from './register';
export { signIn, type SignInInput, type SignInResult } from './sign-in';
export { createSession, getSession, signOut, signOutEverywhere, pruneSessions, SESSION_TTL_MS, type SessionInfo } from './sessions';
export { requestPasswordReset, resetPassword, changePassword, RESET_REQUESTED } from './password';
export { updateProfile, confirmIdNumberChange, type ProfileUpdateResult } from './profile';
export { createOfficer, listStaff, type StaffAccountResult } from './staff';
export { seedDemoAccounts, DEMO_ACCOUNTS, DEMO_AGENCY, DEMO_CITIZEN_PLACE, DEMO_JOURNEY_COMMUNES, demoDeskAgency, type DemoCredentials } from './demo';
export { ensureDemoOfficer, seedDemoOfficers, listDemoAccounts, recentDossierDesks, DEMO_OFFICER_PASSWORD } from './demo-officers';
export { toAccountView, type AccountView } from './store';
export { CODE_TTL_MS, CODE_MAX_ATTEMPTS, CODE_RESEND_INTERVAL_MS, type IssuedCode } from './codes';
