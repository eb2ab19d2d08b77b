export {
	buildDeclarationPdf,
	buildBlankFileName,
	buildFilledFileName,
	type Answers,
	type DeclarationPdfInput
} from './declaration';
export { defaultFormatValue } from './format';
export { PdfWriter, A4, withColon, type FontBytes, type TextOptions, type WriterOptions } from '$lib/domain/pdf/layout';
export { wrapRuns, type Run, type Piece, type WrappedLine, type MeasuringFont } from '$lib/domain/pdf/wrap';
