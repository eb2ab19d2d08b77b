import { staffHeader } from '$lib/server/officer/access';
import type { LayoutServerLoad } from './$types';

/** The desk and the administration (a route group: the URLs stay /officer and /admin). Who the staff header names; each page checks the access itself. */
export const load: LayoutServerLoad = ({ locals }) => ({ staff: staffHeader(locals.account) });
