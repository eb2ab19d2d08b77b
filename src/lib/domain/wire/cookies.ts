/**
 * Cookie names shared by the server (which sets them) and the page (which reads the
 * script-readable one). No schema here: the layout of every page reads this module.
 */

/** HttpOnly session token; never readable by script. */
export const SESSION_COOKIE = 'session';

/** Readable by script, no secret: someone has signed in on this browser (load the account switcher). */
export const SIGNED_IN_COOKIE = 'signed_in';

/** Readable by script, no secret: the language chosen on this browser ('en' or 'vi'; absent = the device's own choice, else Vietnamese), so pages the server renders come in it. */
export const LANG_COOKIE = 'lang';

/** How long the language choice is kept, in seconds (one year). */
export const LANG_COOKIE_MAX_AGE = 31_536_000;
