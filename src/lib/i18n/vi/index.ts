/**
 * Vietnamese, the app's language: every text a page shows, by area (one file each). A new
 * area adds its file here and the same keys in ../en/. Keys are unique across areas; new
 * areas prefix theirs ("officer.inbox"). The document store's words (./documents.ts) are
 * loaded with its pages through ../documents.svelte.ts, not here: every page would carry them.
 */
import { agencies } from './agencies';
import { catalogue } from './catalogue';
import { common } from './common';
import { payments } from './payments';
import { lookup } from './lookup';
import { dossiers } from './dossiers';
import { officer } from './officer';
import { storage } from './storage';

export const vi = { ...common, ...catalogue, ...payments, ...lookup, ...agencies, ...dossiers, ...officer, ...storage } as const;

export type MessageKey = keyof typeof vi;
export type Messages = { [K in MessageKey]: string };
