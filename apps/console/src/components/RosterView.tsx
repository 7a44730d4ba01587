import {
  type CSSProperties,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import {
  loadCoverage,
  loadHotlineClock,
  loadHotlines,
  loadShifts,
  signUpForShift,
  withdrawFromShift,
} from '../api';
import { useI18n } from '../i18n';
import {
  type Shift,
  addDays,
  dayInstant,
  defaultHotline,
  isPlanner,
  localDateIn,
  mondayOf,
  rosterGrid,
  weekDays,
} from '../roster';
import { useLoad } from '../use-load';
import { CalendarFeed } from './CalendarFeed';
import { CoverageSummary } from './CoverageSummary';
import type { Action, Outcome } from './RosterCell';
import { RosterDayColumn } from './RosterDayColumn';

/** The hotline clock as far as the page knows it: its date there, and how far it runs from ours. */
interface HotlineClock {
  today: string;
  /** Hotline clock minus browser clock, in ms. */
  offset: number;
}

/** The server's reason for a failure, or null when it did not answer. */
const reasonOf = (answer: { status: number | null; message: string | null }) =>
  answer.status === null ? null : (answer.message ?? String(answer.status));

/**
 * The roster: a week of days × shifts with who is on them and where people are missing; the
 * person signs up and withdraws here. Planners see the week's coverage above it; everyone can
 * make a private calendar address of their own shifts below it.
 */
export function RosterView({
  accessToken,
  roles,
  volunteerId,
  preferredHotlineId,
  now,
}: {
  accessToken: string;
  roles: string[];
  volunteerId: string;
  /** The hotline the console's socket is on, if known: the roster starts there. */
  preferredHotlineId?: string | null;
  /** The hotline clock by the console's reckoning (used when the server's own is not to be had). */
  now: () => number;
}) {
  const { t, locale } = useI18n();
  const planner = isPlanner(roles);
  const ids = useId();

  const [pickedHotline, setPickedHotline] = useState<string | null>(null);
  const [monday, setMonday] = useState<string | null>(null);
  const [working, setWorking] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const focusAfter = useRef<string | null>(null);
  const grid = useRef<HTMLDivElement>(null);

  // Which hotline: the person's (an admin's list has every hotline). Without the list the
  // server's default is asked for, with no hotline named.
  const hotlinesLoad = useLoad((signal) => loadHotlines(accessToken, signal), [accessToken]);
  const hotlines = hotlinesLoad.data ? (hotlinesLoad.data.ok ? hotlinesLoad.data.value : []) : null;

  const hotline = useMemo(() => {
    if (!hotlines) return null;
    return defaultHotline(hotlines, pickedHotline ?? preferredHotlineId);
  }, [hotlines, pickedHotline, preferredHotlineId]);
  const hotlineId = hotline?.id ?? null;
  const timeZone = hotline?.timeZone ?? null;

  // "This week" by the hotline's clock: a simulation may run it far from the browser's.
  const clockLoad = useLoad(
    hotlines && hotlineId ? (signal) => loadHotlineClock(accessToken, hotlineId, signal) : null,
    [accessToken, hotlines, hotlineId],
  );
  const clock = useMemo<HotlineClock | null>(() => {
    if (!hotlines || (hotlineId && !clockLoad.data)) return null;
    const answer = clockLoad.data;
    const instant = answer?.ok ? Date.parse(answer.value.now) : Number.NaN;
    if (answer?.ok && /^\d{4}-\d{2}-\d{2}/.test(answer.value.now) && !Number.isNaN(instant))
      return { today: answer.value.now.slice(0, 10), offset: instant - Date.now() };
    const fallback = now();
    const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    const today = localDateIn(fallback, zone) ?? new Date(fallback).toISOString().slice(0, 10);
    return { today, offset: fallback - Date.now() };
    // `now` is read once per hotline: the roster does not follow the clock minute by minute.
  }, [hotlines, hotlineId, timeZone, clockLoad.data]);

  const thisMonday = clock ? mondayOf(clock.today) : null;
  useEffect(() => {
    if (thisMonday) setMonday((current) => current ?? thisMonday);
  }, [thisMonday]);

  const days = useMemo(() => (monday ? weekDays(monday) : []), [monday]);

  const roster = useLoad(
    monday && hotlines
      ? (signal) => {
          const to = addDays(monday, 6);
          return Promise.all([
            loadShifts(accessToken, monday, to, hotlineId, signal),
            planner ? loadCoverage(accessToken, monday, to, hotlineId, signal) : null,
          ]).then(([shifts, coverage]) => ({ shifts, coverage }));
        }
      : null,
    [accessToken, hotlines, hotlineId, monday, planner],
  );
  // What is on screen belongs to the week shown; a refresh keeps it on screen until it answers.
  const current = roster.data;
  const refreshing = Boolean(current && roster.loading);

  const dayFormat = useMemo(
    () =>
      new Intl.DateTimeFormat(locale, {
        weekday: 'short',
        month: 'numeric',
        day: 'numeric',
        timeZone: 'UTC',
      }),
    [locale],
  );
  const longDayFormat = useMemo(
    () =>
      new Intl.DateTimeFormat(locale, {
        weekday: 'long',
        month: 'long',
        day: 'numeric',
        timeZone: 'UTC',
      }),
    [locale],
  );
  const shiftName = (shift: { localDate: string; localStart: string; localEnd: string }) =>
    t('roster.shift', {
      day: longDayFormat.format(dayInstant(shift.localDate)),
      start: shift.localStart,
      end: shift.localEnd,
    });

  const shifts = current?.shifts.ok ? current.shifts.value : null;
  const layout = useMemo(() => (shifts ? rosterGrid(days, shifts) : null), [days, shifts]);

  // After a sign-up or withdrawal its button goes; keep the keyboard where the person was.
  useLayoutEffect(() => {
    const shiftId = focusAfter.current;
    if (!shiftId || refreshing || working) return;
    focusAfter.current = null;
    const active = document.activeElement;
    if (active && active !== document.body && document.contains(active)) return;
    grid.current?.querySelector<HTMLElement>(`[data-shift-id="${CSS.escape(shiftId)}"]`)?.focus();
  });

  async function act(shift: Shift, action: Action) {
    if (working) return;
    setWorking(shift.id);
    setOutcome(null);
    const answer =
      action.kind === 'signUp'
        ? await signUpForShift(accessToken, shift.id, action.slot)
        : await withdrawFromShift(accessToken, shift.id, volunteerId);
    setWorking(null);
    setOutcome(
      answer.ok
        ? { shiftId: shift.id, ok: true, action, name: shiftName(shift) }
        : { shiftId: shift.id, ok: false, status: answer.status, message: answer.message },
    );
    focusAfter.current = shift.id;
    roster.reload(); // whatever the answer, show the shift as it now is
  }

  const moveWeek = (weeks: number) => {
    setOutcome(null);
    setMonday((current) => (current ? addDays(current, weeks * 7) : current));
  };

  // Whether a shift has started, by the hotline clock (the server refuses sign-ups then).
  const hotlineNow = Date.now() + (clock?.offset ?? 0);

  return (
    <div className="roster" data-view="roster">
      <h2 className="visually-hidden">{t('roster.heading')}</h2>

      <section className="card roster__picker" aria-label={t('roster.period')}>
        {hotlines && hotlines.length > 1 && hotline && (
          <label className="field roster__hotline">
            {t('roster.hotline')}
            <select
              value={hotline.id}
              onChange={(event) => {
                setOutcome(null);
                setPickedHotline(event.target.value);
              }}
            >
              {hotlines.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <div className="roster__weeks" role="group" aria-label={t('roster.period')}>
          <button type="button" className="button" disabled={!monday} onClick={() => moveWeek(-1)}>
            <span aria-hidden="true">‹ </span>
            {t('roster.previous')}
          </button>
          <button
            type="button"
            className="button"
            disabled={!monday || monday === thisMonday}
            onClick={() => {
              setOutcome(null);
              setMonday(thisMonday);
            }}
          >
            {t('roster.thisWeek')}
          </button>
          <button type="button" className="button" disabled={!monday} onClick={() => moveWeek(1)}>
            {t('roster.next')}
            <span aria-hidden="true"> ›</span>
          </button>
          <button
            type="button"
            className="button"
            disabled={!monday || !hotlines || refreshing}
            onClick={roster.reload}
          >
            {t('roster.refresh')}
          </button>
        </div>
        {monday && (
          <p className="roster__shown" data-from={monday} data-to={addDays(monday, 6)}>
            {t('roster.week', {
              from: dayFormat.format(dayInstant(monday)),
              to: dayFormat.format(dayInstant(addDays(monday, 6))),
            })}
            {hotline && <span className="roster__zone"> ({hotline.timeZone})</span>}
          </p>
        )}
        <p className="hint roster__status" aria-live="polite">
          {outcome?.ok &&
            t(outcome.action.kind === 'withdraw' ? 'roster.withdrawn' : 'roster.signedUp', {
              shift: outcome.name,
            })}
        </p>
      </section>

      {planner && current?.coverage && (
        <>
          {current.coverage.ok ? (
            <CoverageSummary coverage={current.coverage.value} shiftName={shiftName} />
          ) : (
            <p className="notice notice--error roster__problem" role="alert">
              {reasonOf(current.coverage) === null
                ? t('roster.noAnswer')
                : t('roster.coverageFailed', { reason: reasonOf(current.coverage)! })}
            </p>
          )}
        </>
      )}

      <div className="roster__body" aria-busy={!current || refreshing}>
        {!current ? (
          <p className="loading">{t('roster.loading')}</p>
        ) : !current.shifts.ok ? (
          <div className="notice notice--error roster__problem" role="alert">
            <span>
              {reasonOf(current.shifts) === null
                ? t('roster.noAnswer')
                : t('roster.failed', { reason: reasonOf(current.shifts)! })}
            </span>
            <button type="button" className="button button--small" onClick={roster.reload}>
              {t('roster.retry')}
            </button>
          </div>
        ) : layout && layout.rows.length === 0 ? (
          <p className="card roster__empty" data-empty="true">
            {t('roster.empty')}
          </p>
        ) : layout ? (
          <div className="roster__scroll">
            <div
              ref={grid}
              className="roster-grid"
              style={{ '--roster-rows': layout.rows.length } as CSSProperties}
            >
              {layout.days.map((day) => (
                <RosterDayColumn
                  key={day.date}
                  id={`${ids}-${day.date}`}
                  day={day}
                  today={day.date === clock?.today}
                  label={dayFormat.format(dayInstant(day.date))}
                  longLabel={longDayFormat.format(dayInstant(day.date))}
                  roles={roles}
                  now={hotlineNow}
                  working={working}
                  outcome={outcome}
                  onAct={(shift, action) => void act(shift, action)}
                  onDismiss={() => setOutcome(null)}
                  shiftName={shiftName}
                />
              ))}
            </div>
          </div>
        ) : null}
      </div>

      <CalendarFeed accessToken={accessToken} />
    </div>
  );
}
