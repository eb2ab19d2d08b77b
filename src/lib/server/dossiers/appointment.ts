/** GET /api/procedures/{code}/appointment?receivedAt=…: the appointment date if received at that moment. */
import { z } from 'zod';
import { appointmentDate, CalendarCoverageError } from '$lib/domain/calendar';
import { workingCalendar } from '$lib/domain/holidays';
import type { Procedure } from '$lib/domain/procedure';
import { ApiError } from '../http/api-error';

const receivedAtSchema = z.iso.datetime({ offset: true });

export function appointmentFor(procedure: Procedure | undefined, code: string, receivedAt: string | null): { appointmentDate: string } {
	if (!procedure) throw new ApiError('not_found', `Không có thủ tục mã ${code}.`);
	if (!receivedAt || !receivedAtSchema.safeParse(receivedAt).success)
		throw new ApiError('invalid_received_at', 'Thiếu hoặc sai thời điểm nộp (receivedAt): hãy ghi theo ISO 8601 có múi giờ, ví dụ 2026-03-02T14:30:00+07:00.', { fields: {
			receivedAt: 'Thời điểm theo ISO 8601 có múi giờ, ví dụ 2026-03-02T14:30:00+07:00'
		} });
	try {
		return { appointmentDate: appointmentDate(workingCalendar, new Date(receivedAt), procedure.processingTime) };
	} catch (error) {
		if (error instanceof CalendarCoverageError)
			throw new ApiError('invalid_received_at', error.message, { fields: { receivedAt: `Chưa có lịch nghỉ lễ năm ${error.year}` } });
		throw error;
	}
}
