import { type FormEvent, useEffect, useId, useState } from 'react';
import { GRADES } from '@hotline/console-protocol';
import {
  type Booked,
  type FreeSlot,
  type PanelForm,
  type PanelProblem,
  panelProblems,
  panelRange,
  slotsByDay,
  staffBookingBody,
} from '../booking';
import { bookForCaller, loadBookingOptions, loadFreeSlots } from '../booking-api';
import { type TextKey, useI18n } from '../i18n';
import { dayInstant, localDateIn } from '../roster';
import { useLoad } from '../use-load';

const PROBLEM_LABELS: Record<PanelProblem, TextKey> = {
  topic: 'booking.topic',
  start: 'booking.times',
  parentName: 'booking.parentName',
  child: 'booking.child',
  consent: 'booking.consent',
};

/**
 * "Book a face-to-face session" for the caller, during the call or its wrap-up: free times of a
 * topic, the parent's name and the child's age; the server texts the caller's own number (the
 * console never sees it).
 */
export function BookingPanel({
  accessToken,
  callId,
  serverNow,
}: {
  accessToken: string;
  callId: string;
  serverNow: (now: number) => number;
}) {
  const { t, locale } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  // The options are asked for on the first opening, and again on an opening after a failure.
  const [opened, setOpened] = useState(false);
  const [form, setForm] = useState<PanelForm>({
    topic: '',
    start: '',
    parentName: '',
    child: '',
    language: locale,
    consent: false,
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [alternatives, setAlternatives] = useState<FreeSlot[]>([]);
  const [working, setWorking] = useState(false);
  const [booked, setBooked] = useState<Booked | null>(null);

  const optionsLoad = useLoad(opened ? loadBookingOptions : null, [opened]);
  const options = optionsLoad.data?.ok ? optionsLoad.data.value : null;
  const failure = (answer: { message: string | null }) =>
    t('booking.failed', { reason: answer.message ?? t('error.noAnswer') });

  const slotsLoad = useLoad(
    options && form.topic
      ? (signal) => {
          const today = localDateIn(serverNow(Date.now()), options.timeZone) ?? '';
          const range = panelRange(today, options.horizonDays);
          return loadFreeSlots(range.from, range.to, form.topic, signal);
        }
      : null,
    // Not on serverNow, which changes every render: the range is taken when the topic changes.
    [options, form.topic],
  );
  const slots = slotsLoad.data ? (slotsLoad.data.ok ? slotsLoad.data.value.slots : []) : null;
  useEffect(() => {
    if (slotsLoad.data && !slotsLoad.data.ok) setProblem(failure(slotsLoad.data));
  }, [slotsLoad.data]);

  const openPanel = () => {
    setOpen(true);
    if (!opened) setOpened(true);
    else if (optionsLoad.data && !optionsLoad.data.ok) optionsLoad.reload();
  };

  const change = (changes: Partial<PanelForm>) => setForm((before) => ({ ...before, ...changes }));
  const dayLabel = (date: string) =>
    new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      weekday: 'short',
      month: 'numeric',
      day: 'numeric',
    }).format(dayInstant(date));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = panelProblems(form);
    if (missing.length > 0) {
      setProblem(
        t('booking.missing', {
          fields: missing
            .map((name) => t(PROBLEM_LABELS[name], { zone: options?.timeZone ?? '' }))
            .join(t('roster.separator')),
        }),
      );
      return;
    }
    setWorking(true);
    setProblem(null);
    const answer = await bookForCaller(accessToken, staffBookingBody(form, callId));
    setWorking(false);
    if (answer.ok) {
      setBooked(answer.value);
      setAlternatives([]);
      return;
    }
    if (answer.status === 409) {
      change({ start: '' });
      setAlternatives(answer.alternatives);
      setProblem(answer.alternatives.length ? t('booking.taken') : answer.message);
      return;
    }
    setProblem(failure(answer));
  }

  if (!open)
    return (
      <section className="card booking-panel booking-panel--closed">
        <button
          type="button"
          className="button button--primary"
          data-action="open-booking"
          onClick={openPanel}
        >
          {t('booking.open')}
        </button>
      </section>
    );

  const pick = (slot: FreeSlot) => (
    <button
      key={slot.start}
      type="button"
      className="button button--small booking-panel__time"
      data-start={slot.start}
      aria-pressed={form.start === slot.start}
      onClick={() => change({ start: slot.start })}
    >
      {slot.localTime}
    </button>
  );

  return (
    <section
      className="card booking-panel"
      data-view="booking-panel"
      aria-labelledby={`${id}-heading`}
    >
      <div className="booking-panel__head">
        <h2 id={`${id}-heading`}>{t('booking.heading')}</h2>
        <button type="button" className="button button--small" onClick={() => setOpen(false)}>
          {t('booking.close')}
        </button>
      </div>

      {booked ? (
        <div className="booking-panel__booked" role="status">
          <p className="booking-panel__reference" data-reference={booked.reference}>
            {t('booking.booked', { reference: booked.reference })}
          </p>
          <p>
            {t('booking.bookedWhen', { day: dayLabel(booked.localDate), time: booked.localTime })}
          </p>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setBooked(null);
              change({ start: '', consent: false });
            }}
          >
            {t('booking.another')}
          </button>
        </div>
      ) : !options ? (
        optionsLoad.data && !optionsLoad.data.ok ? (
          <p className="notice notice--error" role="alert">
            {failure(optionsLoad.data)}
          </p>
        ) : (
          <p className="loading">{t('booking.loadingTimes')}</p>
        )
      ) : (
        <form className="booking-panel__form" onSubmit={(event) => void submit(event)} noValidate>
          <div className="field">
            <label htmlFor={`${id}-topic`}>{t('booking.topic')}</label>
            <select
              id={`${id}-topic`}
              value={form.topic}
              onChange={(event) => change({ topic: event.target.value, start: '' })}
            >
              <option value="">{t('booking.choose')}</option>
              {options.topics.map((topic) => (
                <option key={topic.key} value={topic.key}>
                  {topic.label[locale]}
                </option>
              ))}
            </select>
          </div>

          {form.topic && (
            <fieldset className="field field--wide booking-panel__times">
              <legend>{t('booking.times', { zone: options.timeZone })}</legend>
              {alternatives.length > 0 && (
                <div className="booking-panel__alternatives" data-alternatives="">
                  {alternatives.map((slot) => (
                    <span key={slot.start} className="booking-panel__alternative">
                      {dayLabel(slot.localDate)} {pick(slot)}
                    </span>
                  ))}
                </div>
              )}
              {slots === null ? (
                <p className="loading">{t('booking.loadingTimes')}</p>
              ) : slots.length === 0 ? (
                <p className="hint">{t('booking.noTimes')}</p>
              ) : (
                slotsByDay(slots).map((day) => (
                  <div key={day.date} className="booking-panel__day" data-date={day.date}>
                    <span className="booking-panel__date">{dayLabel(day.date)}</span>
                    {day.slots.map(pick)}
                  </div>
                ))
              )}
            </fieldset>
          )}

          <div className="field">
            <label htmlFor={`${id}-parent`}>{t('booking.parentName')}</label>
            <input
              id={`${id}-parent`}
              type="text"
              maxLength={80}
              value={form.parentName}
              onChange={(event) => change({ parentName: event.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-child`}>{t('booking.child')}</label>
            <select
              id={`${id}-child`}
              value={form.child}
              onChange={(event) => change({ child: event.target.value })}
            >
              <option value="">{t('booking.choose')}</option>
              <optgroup label={t('booking.ages')}>
                {options.ageBands.map((band) => (
                  <option key={band.key} value={`age:${band.key}`}>
                    {band.label[locale]}
                  </option>
                ))}
              </optgroup>
              <optgroup label={t('booking.grades')}>
                {GRADES.filter((grade) => grade !== 'unknown').map((grade) => (
                  <option key={grade} value={`grade:${grade}`}>
                    {t(`grade.${grade}` as TextKey)}
                  </option>
                ))}
              </optgroup>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-language`}>{t('booking.language')}</label>
            <select
              id={`${id}-language`}
              value={form.language}
              onChange={(event) =>
                change({ language: event.target.value as PanelForm['language'] })
              }
            >
              <option value="zh-CN">中文</option>
              <option value="en">English</option>
            </select>
          </div>
          <label className="booking-panel__consent">
            <input
              type="checkbox"
              checked={form.consent}
              onChange={(event) => change({ consent: event.target.checked })}
            />{' '}
            {t('booking.consent')}
          </label>
          <p className="hint">{t('booking.phoneNote')}</p>
          {problem && (
            <p className="notice notice--error" role="alert">
              {problem}
            </p>
          )}
          <button type="submit" className="button button--primary" disabled={working}>
            {working ? t('booking.working') : t('booking.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
