/**
 * Vietnamese, the app's language: the words every page shows (the header, the navigation, the
 * home page). Every other area has its file here and the same keys in ../en/, and loads with its
 * pages through its module in .. (../officer.ts, ../documents.ts …, see ../words.svelte.ts): a
 * page would otherwise carry the words of all the others. Keys are unique across areas; areas
 * prefix theirs ("officer.inbox").
 */
import { common } from './common';

export const vi = { ...common } as const;

export type MessageKey = keyof typeof vi;
export type Messages = { [K in MessageKey]: string };
