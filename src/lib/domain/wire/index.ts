/**
 * Every request and answer that crosses the network, as zod/mini schemas used by the server
 * (to parse requests), the page and the service worker (to parse answers). One file per
 * part of the API; import the part you need (`$lib/domain/wire/dossiers`) — this index only
 * lists them.
 */
export * from './errors';
export * from './primitives';
export * from './dossiers';
export * from './accounts';
export * from './catalogue';
export * from './cookies';
export * from './payments';
export * from './lookup';
export * from './workflow';
export * from './documents';
export * from './push';
export * from './agencies';
export * from './results';
