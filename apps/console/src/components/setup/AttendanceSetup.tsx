import { useId, useState } from 'react';
import { loadShifts } from '../../api';
import { useI18n } from '../../i18n';
import type { Shift, ShiftSignup } from '../../roster';
import { correctAttendance } from '../../setup';
import { useLoad } from '../../use-load';
import { hotlineToday } from './ShiftPlanning';
import type { SetupContext } from './SetupView';
import { InputField, Loaded, SendingStatus, useSending } from './SetupParts';

/**
 * Attendance of a day's shifts as the console recorded it (checked in, late, no-show), and
 * the coordinator's correction of each: someone who came without going available, or a
 * check-in that was not them.
 */
export function AttendanceSetup({ context }: { context: SetupContext }) {
  const { t } = useI18n();
  const [date, setDate] = useState(() => hotlineToday(context));
  const shifts = useLoad(
    date
      ? (signal) => loadShifts(context.accessToken, date, date, context.hotlineId, signal)
      : null,
    [context.accessToken, context.hotlineId, date],
  );
  return (
    <div className="setup-attendance">
      <h3>{t('setup.attendance.heading')}</h3>
      <p className="hint">{t('setup.attendance.intro')}</p>
      <div className="setup__fields">
        <div className="field">
          <label htmlFor="setup-attendance-date">{t('setup.attendance.date')}</label>
          <input
            id="setup-attendance-date"
            type="date"
            value={date}
            onChange={(event) => setDate(event.target.value)}
          />
        </div>
      </div>
      {date && (
        <Loaded load={shifts}>
          {(list) =>
            list.filter((shift) => shift.signups.length > 0).length === 0 ? (
              <p data-empty="true">{t('setup.attendance.none')}</p>
            ) : (
              list
                .filter((shift) => shift.signups.length > 0)
                .map((shift) => (
                  <ShiftAttendance
                    key={shift.id}
                    context={context}
                    shift={shift}
                    onCorrected={shifts.reload}
                  />
                ))
            )
          }
        </Loaded>
      )}
    </div>
  );
}

function ShiftAttendance({
  context,
  shift,
  onCorrected,
}: {
  context: SetupContext;
  shift: Shift;
  onCorrected: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}heading`} data-shift-id={shift.id}>
      <h4 id={`${id}heading`}>
        {t('setup.attendance.shift', { start: shift.localStart, end: shift.localEnd })}
      </h4>
      <ul className="setup__list">
        {shift.signups.map((signup) => (
          <li key={signup.volunteerId} data-signup={signup.volunteerId}>
            <SignupCorrection
              context={context}
              shiftId={shift.id}
              signup={signup}
              onCorrected={onCorrected}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

function SignupCorrection({
  context,
  shiftId,
  signup,
  onCorrected,
}: {
  context: SetupContext;
  shiftId: string;
  signup: ShiftSignup;
  onCorrected: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const came = signup.checkedInAt !== null;
  const [attended, setAttended] = useState(came ? 'yes' : 'no');
  const [late, setLate] = useState(String(signup.minutesLate ?? 0));
  const sending = useSending();
  const recorded = came
    ? t('setup.attendance.came', { minutes: signup.minutesLate ?? 0 })
    : signup.noShow
      ? t('setup.attendance.noShow')
      : t('setup.attendance.notYet');
  return (
    <form
      className="setup__inline"
      noValidate
      aria-label={t('setup.attendance.correct', { name: signup.name })}
      onSubmit={(event) => {
        event.preventDefault();
        void sending.send(
          () =>
            correctAttendance(context.accessToken, shiftId, signup.volunteerId, {
              attended: attended === 'yes',
              ...(attended === 'yes' && late.trim() ? { minutesLate: Number(late) } : {}),
            }),
          onCorrected,
        );
      }}
    >
      <strong>{signup.name}</strong>{' '}
      <span className="hint">
        ({t(`setup.slot.${signup.slot}`)}) {recorded}
      </span>
      <div className="field">
        <label htmlFor={`${id}attended`}>{t('setup.attendance.attended')}</label>
        <select
          id={`${id}attended`}
          value={attended}
          onChange={(event) => setAttended(event.target.value)}
        >
          <option value="yes">{t('setup.attendance.yes')}</option>
          <option value="no">{t('setup.attendance.no')}</option>
        </select>
      </div>
      {attended === 'yes' && (
        <InputField
          label={t('setup.attendance.minutesLate')}
          path="minutesLate"
          type="number"
          inputMode="numeric"
          sending={sending}
          value={late}
          onValue={setLate}
        />
      )}
      <button type="submit" className="button button--small" disabled={sending.busy}>
        {t('setup.attendance.save')}
      </button>
      <SendingStatus sending={sending} />
    </form>
  );
}
