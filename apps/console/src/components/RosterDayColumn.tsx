import { useI18n } from '../i18n';
import type { RosterDay, Shift } from '../roster';
import { type Action, type Outcome, RosterCell } from './RosterCell';

/** One day of the roster week: its shifts in rows lined up with the other days' (see `rosterGrid`). */
export function RosterDayColumn({
  id,
  day,
  today,
  label,
  longLabel,
  roles,
  now,
  working,
  outcome,
  onAct,
  onDismiss,
  shiftName,
}: {
  id: string;
  day: RosterDay;
  today: boolean;
  label: string;
  longLabel: string;
  roles: string[];
  now: number;
  working: string | null;
  outcome: Outcome | null;
  onAct: (shift: Shift, action: Action) => void;
  onDismiss: () => void;
  shiftName: (shift: Shift) => string;
}) {
  const { t } = useI18n();
  return (
    <section
      className={`roster-day${today ? ' roster-day--today' : ''}`}
      aria-labelledby={id}
      data-date={day.date}
    >
      <h3 id={id} className="roster-day__heading" aria-current={today ? 'date' : undefined}>
        <span aria-hidden="true">{label}</span>
        <span className="visually-hidden">{longLabel}</span>
        {today && <span className="badge roster-day__today">{t('roster.today')}</span>}
      </h3>
      <ul className="roster-day__shifts">
        {day.cells.map((cell, row) =>
          cell.length === 0 ? (
            <li
              key={row}
              className={`roster-cell roster-cell--empty${day.shiftCount === 0 && row === 0 ? ' roster-cell--day-off' : ''}`}
            >
              {day.shiftCount === 0 && row === 0 ? t('roster.dayOff') : ''}
            </li>
          ) : (
            <li key={row} className="roster-day__slot">
              {cell.map((shift) => (
                <RosterCell
                  key={shift.id}
                  shift={shift}
                  day={longLabel}
                  name={shiftName(shift)}
                  roles={roles}
                  now={now}
                  working={working === shift.id}
                  blocked={working !== null}
                  outcome={outcome?.shiftId === shift.id ? outcome : null}
                  onAct={(action) => onAct(shift, action)}
                  onDismiss={onDismiss}
                />
              ))}
            </li>
          ),
        )}
      </ul>
    </section>
  );
}
