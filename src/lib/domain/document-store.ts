/**
 * The rules of the personal document store ("Kho giấy tờ") that do not depend on where the
 * papers are kept: whose paper it is (grouping), what a search finds, and which stored papers
 * an attachment slot offers first. Pure; the device's repository (client/db/documents.ts) and
 * the form's attachment slots use it.
 */
import {
	documentCatalogue,
	documentType,
	familyRelationNames,
	slotDocumentTypes,
	fitsSlot,
	validityOf,
	type DocumentHolder,
	type DocumentMetadata,
	type Validity
} from './documents';
import { foldVietnamese } from './text';
import type { IsoDate } from './time';
import { parseDate, validateDate } from './validators/date';

/** The shape of a stored paper these rules read (the device's record has more). */
export interface PaperLike {
	id: string;
	metadata: DocumentMetadata;
	updatedAt: string;
}

/** One key per person: "self", or the folded name and relation of a family member ("Lê An" = "le an"). */
export function holderKey(holder: DocumentHolder): string {
	return holder.kind === 'self' ? 'self' : `family:${foldVietnamese(holder.name)}:${holder.relation}`;
}

/** "Của tôi", or "Lê Minh An (Con)". */
export function holderLabel(holder: DocumentHolder, selfLabel: string, relationNames: Record<string, string> = familyRelationNames): string {
	return holder.kind === 'self' ? selfLabel : `${holder.name} (${relationNames[holder.relation] ?? holder.relation})`;
}

/** The name shown for a paper: the person's own title, else its type's name. */
export function paperTitle(metadata: DocumentMetadata): string {
	return metadata.title ?? documentType(metadata.typeId)?.name ?? metadata.typeId;
}

export interface HolderGroup<T extends PaperLike> {
	key: string;
	holder: DocumentHolder;
	papers: T[];
}

/** The person's own papers first, then each family member by name; newest paper first within a person. */
export function groupByHolder<T extends PaperLike>(papers: readonly T[]): HolderGroup<T>[] {
	const groups = new Map<string, HolderGroup<T>>();
	for (const paper of papers) {
		const key = holderKey(paper.metadata.holder);
		let group = groups.get(key);
		if (!group) groups.set(key, (group = { key, holder: paper.metadata.holder, papers: [] }));
		group.papers.push(paper);
	}
	for (const group of groups.values()) group.papers.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
	const name = (g: HolderGroup<T>) => (g.holder.kind === 'self' ? '' : foldVietnamese(g.holder.name));
	return [...groups.values()].sort((a, b) => (a.key === 'self' ? -1 : b.key === 'self' ? 1 : name(a).localeCompare(name(b))));
}

/**
 * Does a paper match what was typed? Every word of the query, folded ("can cuoc me" finds
 * "Căn cước" of "Mẹ"), must appear in its title, type, number, issuer or holder.
 */
export function paperMatches(paper: PaperLike, query: string): boolean {
	const words = foldVietnamese(query).split(' ').filter(Boolean);
	if (words.length === 0) return true;
	const m = paper.metadata;
	const holder = m.holder.kind === 'self' ? 'cua toi' : `${m.holder.name} ${familyRelationNames[m.holder.relation] ?? ''}`;
	const text = foldVietnamese([paperTitle(m), documentType(m.typeId)?.name ?? '', m.number ?? '', m.issuer ?? '', holder].join(' '));
	return words.every((w) => text.includes(w));
}

export interface SlotChoice<T extends PaperLike> {
	paper: T;
	validity: Validity;
	/** May be attached: not expired. */
	usable: boolean;
	/** 'expired': cannot fill the slot; 'wrong-type': not a type the slot lists (may still be picked). */
	reason?: 'wrong-type' | 'expired';
}

/**
 * The stored papers an attachment slot offers: first those of a type the slot takes (the
 * person's own before a family member's, valid before expired), then the others, which a
 * person may still pick when the slot's mapping does not know their paper. An expired paper
 * is never usable: the slot needs a valid one.
 */
export function choicesForSlot<T extends PaperLike>(papers: readonly T[], procedureCode: string, slotId: string, today: IsoDate): { matching: SlotChoice<T>[]; others: SlotChoice<T>[] } {
	const matching: SlotChoice<T>[] = [];
	const others: SlotChoice<T>[] = [];
	for (const paper of papers) {
		const validity = validityOf(paper.metadata, today);
		const fit = fitsSlot(procedureCode, slotId, paper.metadata, today);
		if (fit.ok) matching.push({ paper, validity, usable: true });
		else if (fit.reason === 'expired') matching.push({ paper, validity, usable: false, reason: 'expired' });
		else if (validity.state === 'expired') others.push({ paper, validity, usable: false, reason: 'expired' });
		else others.push({ paper, validity, usable: true, reason: 'wrong-type' });
	}
	const rank = (c: SlotChoice<T>) => (c.usable ? 0 : 2) + (c.paper.metadata.holder.kind === 'self' ? 0 : 1);
	const order = (a: SlotChoice<T>, b: SlotChoice<T>) => rank(a) - rank(b) || b.paper.updatedAt.localeCompare(a.paper.updatedAt);
	return { matching: matching.sort(order), others: others.sort(order) };
}

// ---- the metadata form ------------------------------------------------------------------

/** What the metadata form holds: text as typed, dates as "dd/mm/yyyy" like every date field of the app. */
export interface MetadataFormValues {
	typeId: string;
	title: string;
	number: string;
	issuer: string;
	issuedOn: string;
	expiresOn: string;
	holderKind: 'self' | 'family';
	holderName: string;
	relation: string;
}

export function emptyMetadataForm(typeId = ''): MetadataFormValues {
	return { typeId, title: '', number: '', issuer: '', issuedOn: '', expiresOn: '', holderKind: 'self', holderName: '', relation: '' };
}

const isoToDmy = (iso: string | undefined) => (iso ? iso.split('-').reverse().join('/') : '');

export function metadataForm(m: DocumentMetadata): MetadataFormValues {
	return {
		typeId: m.typeId,
		title: m.title ?? '',
		number: m.number ?? '',
		issuer: m.issuer ?? '',
		issuedOn: isoToDmy(m.issuedOn),
		expiresOn: isoToDmy(m.expiresOn),
		holderKind: m.holder.kind,
		holderName: m.holder.kind === 'family' ? m.holder.name : '',
		relation: m.holder.kind === 'family' ? m.holder.relation : ''
	};
}

/**
 * The form's values as metadata to check with `documentMetadataSchema` (empty texts left
 * out), and the messages of dates that are not dates. An issue date after today is refused.
 */
export function metadataFromForm(v: MetadataFormValues, today: Date = new Date()): { input: Record<string, unknown>; dateErrors: Record<string, string> } {
	const dateErrors: Record<string, string> = {};
	const date = (key: 'issuedOn' | 'expiresOn') => {
		const raw = v[key].trim();
		if (!raw) return undefined;
		const error = validateDate(raw, { range: key === 'issuedOn' ? 'past' : 'any', today });
		if (error) {
			dateErrors[key] = error;
			return undefined;
		}
		const d = parseDate(raw)!;
		return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
	};
	const text = (s: string) => (s.trim() ? s.trim() : undefined);
	const input: Record<string, unknown> = {
		typeId: v.typeId,
		title: text(v.title),
		number: text(v.number),
		issuer: text(v.issuer),
		issuedOn: date('issuedOn'),
		expiresOn: date('expiresOn'),
		holder: v.holderKind === 'self' ? { kind: 'self' } : { kind: 'family', name: v.holderName, relation: v.relation || undefined }
	};
	for (const key of Object.keys(input)) if (input[key] === undefined) delete input[key];
	return { input, dateErrors };
}

// ---- papers the state holds ("provided once, not again") --------------------------------

/** A paper the state holds for the person: verified in an accepted dossier, or issued by an agency. */
export interface StatePaper {
	id: string;
	origin: 'verified' | 'issued';
	metadata: DocumentMetadata;
	/** false for a paper made for one case (an authorisation): never offered again. */
	reusable: boolean;
	/** The procedure of the dossier that proved or issued it. */
	procedureCode: string;
	/** The attachment slot it filled (verified papers). */
	slot?: string;
}

/**
 * Per attachment slot of the procedure, the papers that fill it without asking again:
 * reusable, not expired, and of a type the slot takes — or verified for this very slot of
 * this procedure before. Only slots with at least one paper. The server answers it with
 * `GET /api/documents?procedure=`; the device works it out from the papers it keeps when
 * there is no signal.
 */
export function heldSlots(procedureCode: string, papers: readonly StatePaper[], today: IsoDate): { slot: string; paperIds: string[] }[] {
	const slots = Object.keys(documentCatalogue.slots[procedureCode] ?? {});
	return slots
		.map((slot) => {
			const types = new Set(slotDocumentTypes(procedureCode, slot).map((t) => t.id));
			const fits = papers.filter(
				(p) =>
					p.reusable &&
					validityOf(p.metadata, today).state !== 'expired' &&
					(types.has(p.metadata.typeId) || (p.origin === 'verified' && p.procedureCode === procedureCode && p.slot === slot))
			);
			return { slot, paperIds: fits.map((p) => p.id) };
		})
		.filter((s) => s.paperIds.length > 0);
}
