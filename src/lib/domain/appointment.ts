import { appointmentDate, formatVietnameseDate } from '$lib/domain/calendar';
import { workingCalendar } from '$lib/domain/holidays';
import type { Procedure } from '$lib/domain/procedure';

export async function estimateAppointment(procedure: Procedure, now: Date): Promise<string> {
	try {
		return formatVietnameseDate(appointmentDate(workingCalendar, now, procedure.processingTime));
	} catch {
		return '';
	}
}
