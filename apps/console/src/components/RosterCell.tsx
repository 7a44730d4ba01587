import { useId } from 'react';
import { useI18n } from '../i18n';
import { type Shift, type Slot, canWithdraw, hasGap, missing, signUpSlots } from '../roster';

export type Action = { kind: 'signUp'; slot: Slot } | { kind: 'withdraw' };
/** The server's answer to the last sign-up or withdrawal, shown by its shift. */
export type Outcome =
  | { shiftId: string; ok: true; action: Action; name: string }
  | { shiftId: string; ok: false; status: number | null; message: string | null };

/**
 * One shift: its times, who is on it and who is missing, and the person's own sign-up and
 * withdrawal buttons with the server's answer to them.
 */
export function RosterCell({
  shift,
  day,
  name,
  roles,
  now,
  working,
  blocked,
  outcome,
  onAct,
  onDismiss,
}: {
  shift: Shift;
  /** The day, spelt out, for the cell's heading. */
  day: string;
  /** The shift's day and times, for its buttons. */
  name: string;
  roles: string[];
  now: number;
  working: boolean;
  blocked: boolean;
  outcome: Outcome | null;
  onAct: (action: Action) => void;
  onDismiss: () => void;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const gap = hasGap(shift);
  const open = missing(shift);
  const slots = signUpSlots(shift, roles, now);
  const withdraw = canWithdraw(shift, now);
  const classes = [
    'roster-cell',
    gap && 'roster-cell--gap',
    shift.cancelled && 'roster-cell--cancelled',
    shift.mine && 'roster-cell--mine',
  ]
    .filter(Boolean)
    .join(' ');
  const shortages = [
    open.volunteer > 0 && t('roster.missingVolunteers', { count: open.volunteer }),
    open.supervisor > 0 && t('roster.missingSupervisors', { count: open.supervisor }),
  ].filter((text): text is string => Boolean(text));
  // Busy buttons stay focusable (aria-disabled, clicks ignored) so focus is not thrown away.
  const press = (action: Action) => () => {
    if (!blocked) onAct(action);
  };

  return (
    <article
      id={`shift-${shift.id}`}
      className={classes}
      data-shift-id={shift.id}
      data-date={shift.localDate}
      data-gap={gap ? 'true' : 'false'}
      data-cancelled={shift.cancelled ? 'true' : undefined}
      data-mine={shift.mine ? 'true' : undefined}
      aria-labelledby={headingId}
      tabIndex={-1}
    >
      <h4 id={headingId} className="roster-cell__time">
        <span className="visually-hidden">{day} </span>
        {shift.localStart}–{shift.localEnd}
      </h4>
      {(shift.cancelled || shift.mine) && (
        <p className="roster-cell__flags">
          {shift.cancelled && (
            <span className="badge roster-cell__cancelled">{t('roster.cancelled')}</span>
          )}
          {shift.mine && <span className="badge roster-cell__mine">{t('roster.mine')}</span>}
        </p>
      )}
      <dl className="roster-cell__counts">
        <SignedCount
          slot="volunteer"
          label={t('roster.volunteers')}
          signed={shift.volunteersSigned}
          needed={shift.volunteersNeeded}
        />
        <SignedCount
          slot="supervisor"
          label={t('roster.supervisors')}
          signed={shift.supervisorsSigned}
          needed={shift.supervisorsNeeded}
        />
      </dl>
      {gap && <p className="roster-cell__gap">{shortages.join(t('roster.separator'))}</p>}
      {shift.signups.length === 0 ? (
        <p className="roster-cell__nobody">{t('roster.nobody')}</p>
      ) : (
        <ul className="roster-cell__names" aria-label={t('roster.signedUpNames')}>
          {shift.signups.map((signup) => (
            <li key={signup.volunteerId} data-volunteer-id={signup.volunteerId}>
              {signup.name}
              {signup.slot === 'supervisor' && (
                <span className="badge roster-cell__role">{t('roster.asSupervisor')}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {(slots.length > 0 || withdraw) && (
        <div className="roster-cell__actions">
          {slots.map((slot) => (
            <button
              key={slot}
              type="button"
              className={`button button--small${slot === 'volunteer' ? ' button--primary' : ''}`}
              data-action={`sign-up-${slot}`}
              aria-label={t(
                slot === 'supervisor' ? 'roster.signUpSupervisorLabel' : 'roster.signUpLabel',
                { shift: name },
              )}
              aria-disabled={blocked || undefined}
              onClick={press({ kind: 'signUp', slot })}
            >
              {slot === 'supervisor' ? t('roster.signUpSupervisor') : t('roster.signUp')}
            </button>
          ))}
          {withdraw && (
            <button
              type="button"
              className="button button--small"
              data-action="withdraw"
              aria-label={t('roster.withdrawLabel', { shift: name })}
              aria-disabled={blocked || undefined}
              onClick={press({ kind: 'withdraw' })}
            >
              {t('roster.withdraw')}
            </button>
          )}
          {working && (
            <span className="roster-cell__working" role="status">
              {t('roster.working')}
            </span>
          )}
        </div>
      )}
      {outcome && !outcome.ok && (
        <div className="roster-cell__problem" role="alert">
          <p>
            {outcome.status === null
              ? t('roster.noAnswer')
              : t('roster.refused', { reason: outcome.message ?? String(outcome.status) })}
          </p>
          <button type="button" className="button button--small" onClick={onDismiss}>
            {t('roster.dismiss')}
          </button>
        </div>
      )}
    </article>
  );
}

/** Signed up against needed, for one kind of place on the shift. */
function SignedCount({
  slot,
  label,
  signed,
  needed,
}: {
  slot: Slot;
  label: string;
  signed: number;
  needed: number;
}) {
  const { t } = useI18n();
  return (
    <div>
      <dt>{label}</dt>
      <dd data-count={slot} aria-label={t('roster.countLabel', { signed, needed })}>
        {signed}/{needed}
      </dd>
    </div>
  );
}
