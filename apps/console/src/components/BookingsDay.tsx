import { useCallback, useId, useMemo, useState } from 'react';
import { type StaffBooking, canRecordAttendance, dayOrder, shiftDate } from '../booking';
import { loadBookingOptions, loadBookingsOfDay, recordAttendance } from '../booking-api';
import { type TextKey, useI18n } from '../i18n';
import { localDateIn } from '../roster';
import { useLoad } from '../use-load';

/**
 * The face-to-face bookings of one day at the centre, for supervisors and coordinators: who
 * comes when, to whom, in which room; a family whose text did not arrive stands out (someone
 * must phone them); after the session, whether the family came.
 */
export function BookingsDay({
  accessToken,
  now,
}: {
  accessToken: string;
  /** The hotline clock (ms). */
  now: () => number;
}) {
  const { t, topic } = useI18n();
  const id = useId();
  const [picked, setPicked] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  // "Today" is the hotline's, in its zone (the booking options tell it). Asked once: afterwards
  // the date moves only when the person moves it.
  const options = useLoad(loadBookingOptions, []);
  const today = useMemo(() => {
    if (!options.data) return null;
    const zone = options.data.ok ? options.data.value.timeZone : 'UTC';
    return localDateIn(now(), zone) ?? new Date(now()).toISOString().slice(0, 10);
  }, [options.data]);
  const date = picked ?? today;

  const day = useLoad(date ? (signal) => loadBookingsOfDay(accessToken, date, signal) : null, [
    accessToken,
    date,
  ]);
  const bookings = day.data?.ok ? dayOrder(day.data.value) : [];

  const record = useCallback(
    async (booking: StaffBooking, attended: boolean) => {
      setRefusal(null);
      const answer = await recordAttendance(accessToken, booking.id, attended);
      if (!answer.ok)
        setRefusal(t('bookings.recordFailed', { reason: answer.message ?? t('error.noAnswer') }));
      day.reload();
    },
    [accessToken, t, day.reload],
  );

  return (
    <div className="bookings-day" data-view="bookings">
      <section className="card bookings-day__picker" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>{t('bookings.heading')}</h2>
        <div className="bookings-day__controls">
          <button
            type="button"
            className="button"
            disabled={!date}
            onClick={() => date && setPicked(shiftDate(date, -1))}
          >
            {t('bookings.previous')}
          </button>
          <label htmlFor={`${id}-date`}>{t('bookings.date')}</label>
          <input
            id={`${id}-date`}
            type="date"
            value={date ?? ''}
            onChange={(event) => event.target.value && setPicked(event.target.value)}
          />
          <button
            type="button"
            className="button"
            disabled={!date}
            onClick={() => date && setPicked(shiftDate(date, 1))}
          >
            {t('bookings.next')}
          </button>
          <button
            type="button"
            className="button"
            disabled={!today || date === today}
            onClick={() => setPicked(today)}
          >
            {t('bookings.today')}
          </button>
        </div>
      </section>

      {refusal && (
        <p className="notice notice--error" role="alert">
          {refusal}
        </p>
      )}

      {day.loading || !day.data ? (
        <p className="loading">{t('bookings.loading')}</p>
      ) : !day.data.ok ? (
        <p className="notice notice--error" role="alert">
          {t('bookings.failed', { reason: day.data.message ?? t('error.noAnswer') })}
        </p>
      ) : bookings.length === 0 ? (
        <p className="card" data-empty="true">
          {t('bookings.empty')}
        </p>
      ) : (
        <table className="card bookings-day__table">
          <thead>
            <tr>
              <th scope="col">{t('bookings.time')}</th>
              <th scope="col">{t('bookings.reference')}</th>
              <th scope="col">{t('bookings.family')}</th>
              <th scope="col">{t('bookings.topic')}</th>
              <th scope="col">{t('bookings.expert')}</th>
              <th scope="col">{t('bookings.room')}</th>
              <th scope="col">{t('bookings.status')}</th>
              <th scope="col">{t('bookings.attendance')}</th>
            </tr>
          </thead>
          <tbody>
            {bookings.map((booking) => (
              <tr
                key={booking.id}
                data-booking-id={booking.id}
                data-status={booking.status}
                data-needs-call={booking.needsCall ? 'true' : undefined}
                className={booking.needsCall ? 'bookings-day__row--call' : undefined}
              >
                <td>{booking.localTime}</td>
                <td className="bookings-day__reference">{booking.reference}</td>
                <td>
                  {booking.parentName ?? '—'}
                  {booking.needsCall && (
                    <strong className="bookings-day__needs-call"> {t('bookings.needsCall')}</strong>
                  )}
                </td>
                <td>{topic(booking.topic)}</td>
                <td>{booking.expertName}</td>
                <td>{booking.roomName}</td>
                <td>{t(`bookings.status.${booking.status}` as TextKey)}</td>
                <td>
                  {canRecordAttendance(booking) && (
                    <span className="bookings-day__attendance">
                      <button
                        type="button"
                        className="button button--small"
                        data-action="attended"
                        aria-pressed={booking.status === 'attended'}
                        onClick={() => void record(booking, true)}
                      >
                        {t('bookings.attended')}
                      </button>
                      <button
                        type="button"
                        className="button button--small"
                        data-action="no-show"
                        aria-pressed={booking.status === 'no_show'}
                        onClick={() => void record(booking, false)}
                      >
                        {t('bookings.noShow')}
                      </button>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
