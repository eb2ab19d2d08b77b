/** One validator per kind of answer; each returns a Vietnamese message saying how to fix it, or null. */
export * from './address';
export * from './attachment';
export * from './choice';
export * from './date';
export * from './email';
export * from './id-number';
export * from './name';
export * from './number';
export * from './phone';
export * from './required';
export * from './tax-code';
export * from './text';
export * from './wording';
