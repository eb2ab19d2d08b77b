/**
 * The form engine: turns a form definition (form-definition.ts) into visibility,
 * validation (one zod schema for page, service worker and server), derived values,
 * completion and autofill. Pure: no DOM, no Node APIs.
 */
export { evaluateCondition, visibleFields, visibleItemFields, visibleSections, type Answers } from './form-engine/conditions';
export { validateField, type EngineOptions } from './form-engine/validate-field';
export {
	buildAnswersSchema,
	collectErrors,
	validateAnswers,
	type FormError,
	type ValidationResult
} from './form-engine/validate';
export { remoteFieldErrors } from './form-engine/remote-errors';
export { derivedValues } from './form-engine/derived';
export { completion } from './form-engine/completion';
export { applyAutofill, emptyAnswers } from './form-engine/autofill';
export { dateInWords, numberInWords } from './date-words';
export { normalizeDate } from './validators/date';
export { normalizePhone } from './validators/phone';
