/**
 * The form engine: turns a form definition (form-definition.ts) into visibility,
 * validation (one zod schema for page, service worker and server), derived values,
 * completion and autofill. Pure: no DOM, no Node APIs.
 */
export { evaluateCondition, visibleFields, visibleItemFields, visibleSections, type Answers } from './conditions';
export { validateField, type EngineOptions } from './validate-field';
export {
	buildAnswersSchema,
	collectErrors,
	validateAnswers,
	type FormError,
	type ValidationResult
} from './validate';
export { formAnswers, unknownAnswerErrors } from './known-answers';
export { remoteFieldErrors } from './remote-errors';
export { derivedValues } from './derived';
export { completion } from './completion';
export { applicantName } from './applicant';
export { applyAutofill, emptyAnswers } from './autofill';
export { dateInWords, numberInWords } from '$lib/domain/date-words';
export { normalizeDate } from '$lib/domain/validators/date';
export { normalizePhone } from '$lib/domain/validators/phone';
