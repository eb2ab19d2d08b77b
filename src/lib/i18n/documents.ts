/**
 * The document store's words: with the store's pages and the attachment picker only, so that
 * the form's first step does not carry them.
 */
import { area, wordsOf } from './words.svelte';
import { documents } from './vi/documents';
import { familyRelations, type FamilyRelation } from '$lib/domain/documents';

export const documentWords = area(documents, () => import('./en/documents').then((m) => m.documents));
export const t = wordsOf(documentWords);

/** A family relation's name in the chosen language (the domain's are Vietnamese: documents.ts). */
export const relationName = (relation: FamilyRelation) => t(`documents.rel.${relation}`);
/** Every relation's name, for holderLabel. */
export const relationNames = () => Object.fromEntries(familyRelations.map((r) => [r, relationName(r)]));
