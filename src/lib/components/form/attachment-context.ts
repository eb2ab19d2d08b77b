// Which procedure the form on this page belongs to, for its attachment slots: they offer
// the stored papers of the types that procedure's slot takes (domain/documents.ts).
import { getContext, setContext } from 'svelte';

const KEY = Symbol('attachment-slots');

export interface AttachmentSlotContext {
	/** The procedure's code once it is loaded. */
	procedureCode(): string | undefined;
}

export function setAttachmentSlotContext(context: AttachmentSlotContext): void {
	setContext(KEY, context);
}

export function getAttachmentSlotContext(): AttachmentSlotContext | undefined {
	return getContext<AttachmentSlotContext | undefined>(KEY);
}
