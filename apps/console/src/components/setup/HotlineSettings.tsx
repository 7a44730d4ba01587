import { type FormEvent, useId, useState } from 'react';
import { useI18n } from '../../i18n';
import {
  GREETING_KEYS,
  type HotlineForm,
  type HotlineView,
  ROLES,
  ROUTING_STRATEGIES,
  type RoutingSettings,
  WEEKDAYS,
  type Weekday,
  hotlineBody,
  hotlineForm,
  loadHotline,
  messagesFor,
  saveHotline,
} from '../../setup';
import { useLoad } from '../../use-load';
import { ChatSettings, LANGUAGE_NAMES } from './ChatSettings';
import type { SetupContext } from './SetupView';
import {
  CheckboxGroup,
  FieldMessages,
  InputField,
  Loaded,
  type Sending,
  SelectField,
  FormEnd,
  TextAreaField,
  useSending,
} from './SetupParts';

/** The timers of the routing, escalation and voicemail groups, each a whole number. */
const TIMERS: Record<'routing' | 'escalation' | 'messages', (keyof RoutingSettings)[]> = {
  routing: [
    'offerTimeoutSeconds',
    'wrapUpSeconds',
    'skillFallbackSeconds',
    'maxWaitSeconds',
    'maxQueueSize',
    'missedRecoverSeconds',
    'maxChats',
  ],
  escalation: ['crisisSupervisorAfterSeconds', 'crisisForwardAfterSeconds', 'crisisRealertSeconds'],
  messages: [
    'offerMessageAfterSeconds',
    'voicemailMaxSeconds',
    'callerLimitCalls',
    'callerLimitMinutes',
  ],
};

/**
 * The hotline's settings in one form: opening hours per weekday, closure dates, the closed
 * message, routing and escalation timers, voicemail, the voice and recorded prompts. What the
 * server refuses is shown next to the field it names. A coordinator sees the name, number,
 * zone and language but may not change them (nor the two-factor rule): those are an admin's.
 */
export function HotlineSettings({ context }: { context: SetupContext }) {
  const hotline = useLoad(
    (signal) => loadHotline(context.accessToken, context.hotlineId, signal),
    [context.accessToken, context.hotlineId],
  );
  return (
    <Loaded load={hotline}>
      {(view) => <SettingsForm context={context} view={view} onSaved={hotline.reload} />}
    </Loaded>
  );
}

function SettingsForm({
  context,
  view,
  onSaved,
}: {
  context: SetupContext;
  view: HotlineView;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const admin = context.roles.includes('admin');
  const [before, setBefore] = useState(view);
  const [form, setForm] = useState<HotlineForm>(() => hotlineForm(view));
  const sending = useSending();
  const set = <K extends keyof HotlineForm>(key: K, value: HotlineForm[K]) =>
    setForm((current) => ({ ...current, [key]: value }));
  const setTimer = (key: keyof RoutingSettings, value: string) =>
    setForm((current) => ({ ...current, routing: { ...current.routing, [key]: value } }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void sending.send(
      () => saveHotline(context.accessToken, context.hotlineId, hotlineBody(form, before, admin)),
      (saved) => {
        setBefore(saved);
        setForm(hotlineForm(saved));
        onSaved();
      },
    );
  };

  const timerField = (key: keyof RoutingSettings) => (
    <InputField
      key={key}
      label={t(`setup.hotline.routing.${key}` as 'setup.hotline.routing.offerTimeoutSeconds')}
      path={`routing.${key}`}
      type="number"
      inputMode="numeric"
      sending={sending}
      value={form.routing[key]}
      onValue={(value) => setTimer(key, value)}
    />
  );

  return (
    <form
      className="setup-hotline"
      noValidate
      onSubmit={submit}
      aria-labelledby="setup-hotline-heading"
    >
      <h3 id="setup-hotline-heading">{t('setup.hotline.heading')}</h3>

      <fieldset className="card setup__group">
        <legend>{t('setup.hotline.identity')}</legend>
        {admin ? (
          <div className="setup__fields">
            <InputField
              label={t('setup.hotline.name')}
              path="name"
              sending={sending}
              value={form.name}
              onValue={(value) => set('name', value)}
            />
            <InputField
              label={t('setup.hotline.phoneNumber')}
              path="phoneNumber"
              sending={sending}
              value={form.phoneNumber}
              onValue={(value) => set('phoneNumber', value)}
            />
            <InputField
              label={t('setup.hotline.timeZone')}
              path="timeZone"
              sending={sending}
              value={form.timeZone}
              onValue={(value) => set('timeZone', value)}
            />
            <SelectField
              label={t('setup.hotline.locale')}
              path="locale"
              sending={sending}
              value={form.locale}
              onValue={(value) => set('locale', value as HotlineForm['locale'])}
            >
              {Object.entries(LANGUAGE_NAMES).map(([locale, name]) => (
                <option key={locale} value={locale}>
                  {name}
                </option>
              ))}
            </SelectField>
          </div>
        ) : (
          <dl className="setup__facts">
            <div>
              <dt>{t('setup.hotline.name')}</dt>
              <dd>{view.name}</dd>
            </div>
            <div>
              <dt>{t('setup.hotline.phoneNumber')}</dt>
              <dd>{view.phoneNumber ?? '—'}</dd>
            </div>
            <div>
              <dt>{t('setup.hotline.timeZone')}</dt>
              <dd>{view.timeZone}</dd>
            </div>
            <div>
              <dt>{t('setup.hotline.locale')}</dt>
              <dd>{LANGUAGE_NAMES[view.locale]}</dd>
            </div>
          </dl>
        )}
        {!admin && <p className="hint">{t('setup.hotline.adminOnly')}</p>}
      </fieldset>

      <OpeningHours form={form} sending={sending} onHours={(hours) => set('openingHours', hours)} />
      <Closures
        form={form}
        sending={sending}
        onClosures={(closures) => set('closures', closures)}
      />

      <fieldset className="card setup__group">
        <legend>{t('setup.hotline.closedGroup')}</legend>
        <TextAreaField
          label={t('setup.hotline.closedMessage')}
          path="closedMessage"
          sending={sending}
          hint={t('setup.hotline.closedMessageHint')}
          rows={3}
          value={form.closedMessage}
          onValue={(text) => set('closedMessage', text)}
        />
      </fieldset>

      <fieldset className="card setup__group">
        <legend>{t('setup.hotline.routingGroup')}</legend>
        <div className="setup__fields">
          <SelectField
            label={t('setup.hotline.routing.strategy')}
            path="routing.strategy"
            sending={sending}
            value={form.routing.strategy}
            onValue={(value) => setTimer('strategy', value)}
          >
            {ROUTING_STRATEGIES.map((strategy) => (
              <option key={strategy} value={strategy}>
                {t(`setup.hotline.strategy.${strategy}`)}
              </option>
            ))}
          </SelectField>
          {TIMERS.routing.map(timerField)}
        </div>
      </fieldset>

      <fieldset className="card setup__group">
        <legend>{t('setup.hotline.escalationGroup')}</legend>
        <div className="setup__fields">
          {TIMERS.escalation.map(timerField)}
          <InputField
            label={t('setup.hotline.routing.crisisLine')}
            path="routing.crisisLine"
            type="tel"
            sending={sending}
            value={form.routing.crisisLine}
            onValue={(value) => setTimer('crisisLine', value)}
          />
        </div>
      </fieldset>

      <fieldset className="card setup__group">
        <legend>{t('setup.hotline.messagesGroup')}</legend>
        <div className="setup__fields">{TIMERS.messages.map(timerField)}</div>
      </fieldset>

      <ChatSettings form={form} sending={sending} onChat={(chat) => set('chat', chat)} />

      <fieldset className="card setup__group">
        <legend>{t('setup.hotline.voiceGroup')}</legend>
        <p className="hint">{t('setup.hotline.voiceHint')}</p>
        <div className="setup__fields">
          <InputField
            label={t('setup.hotline.sayVoice')}
            path="sayVoice"
            sending={sending}
            value={form.sayVoice}
            onValue={(value) => set('sayVoice', value)}
          />
          <InputField
            label={t('setup.hotline.sayLanguage')}
            path="sayLanguage"
            sending={sending}
            value={form.sayLanguage}
            onValue={(value) => set('sayLanguage', value)}
          />
        </div>
        <p className="hint">{t('setup.hotline.promptsHint')}</p>
        <div className="setup__fields">
          {GREETING_KEYS.map((key) => (
            <InputField
              key={key}
              label={t(`setup.hotline.prompt.${key}`)}
              path={`greetings.${key}`}
              type="url"
              placeholder="https://"
              sending={sending}
              value={form.greetings[key]}
              wide
              onValue={(value) => set('greetings', { ...form.greetings, [key]: value })}
            />
          ))}
        </div>
      </fieldset>

      <fieldset className="card setup__group">
        <legend>{t('setup.hotline.shiftsGroup')}</legend>
        <div className="setup__fields">
          <InputField
            label={t('setup.hotline.withdrawCutoffHours')}
            path="withdrawCutoffHours"
            type="number"
            inputMode="numeric"
            sending={sending}
            value={form.withdrawCutoffHours}
            onValue={(value) => set('withdrawCutoffHours', value)}
          />
        </div>
        {admin && (
          <CheckboxGroup
            legend={t('setup.hotline.twoFactor')}
            path="requireTwoFactorFor"
            sending={sending}
            options={ROLES}
            chosen={form.requireTwoFactorFor}
            label={(role) => t(`setup.role.${role}`)}
            onChosen={(chosen) => set('requireTwoFactorFor', chosen)}
          />
        )}
      </fieldset>

      <FormEnd sending={sending} submit={t('setup.hotline.save')} />
    </form>
  );
}

/** Each weekday's opening ranges; a day without one is closed. */
function OpeningHours({
  form,
  sending,
  onHours,
}: {
  form: HotlineForm;
  sending: Sending;
  onHours: (hours: HotlineForm['openingHours']) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  // The schedule's own problems name their weekday ("openingHours.mon: ... overlaps ..."):
  // each goes next to its day, the others above the days.
  const messages = messagesFor(sending.fields, 'openingHours', true);
  const dayOf = (message: string) =>
    WEEKDAYS.find((day) => message.startsWith(`openingHours.${day}`));
  const setDay = (day: Weekday, ranges: HotlineForm['openingHours'][Weekday]) =>
    onHours({ ...form.openingHours, [day]: ranges });
  return (
    <fieldset className="card setup__group">
      <legend>{t('setup.hotline.hours')}</legend>
      <p className="hint">{t('setup.hotline.hoursHint')}</p>
      <FieldMessages id={`${id}problem`} messages={messages.filter((message) => !dayOf(message))} />
      {WEEKDAYS.map((day, index) => {
        const dayName = t(`setup.weekdayLong.${index + 1}` as 'setup.weekdayLong.1');
        const ranges = form.openingHours[day];
        const dayMessages = messages.filter((message) => dayOf(message) === day);
        return (
          <div
            key={day}
            className="setup__day"
            data-weekday={day}
            role="group"
            aria-label={dayName}
            aria-describedby={dayMessages.length ? `${id}problem-${day}` : undefined}
          >
            <span className="setup__day-name" aria-hidden="true">
              {dayName}
            </span>
            <FieldMessages id={`${id}problem-${day}`} messages={dayMessages} />
            {ranges.length === 0 && <span className="hint">{t('setup.hotline.closedDay')}</span>}
            {ranges.map((range, slot) => (
              <span key={slot} className="setup__range">
                <InputField
                  label={
                    <>
                      <span className="visually-hidden">
                        {t('setup.hotline.range', { day: dayName, n: slot + 1 })}
                      </span>
                      {t('setup.hotline.opens')}
                    </>
                  }
                  path={`openingHours.${day}.${slot}.start`}
                  type="time"
                  sending={sending}
                  value={range.start}
                  onValue={(value) =>
                    setDay(
                      day,
                      ranges.map((r, i) => (i === slot ? { ...r, start: value } : r)),
                    )
                  }
                />
                <InputField
                  label={
                    <>
                      <span className="visually-hidden">
                        {t('setup.hotline.range', { day: dayName, n: slot + 1 })}
                      </span>
                      {t('setup.hotline.closes')}
                    </>
                  }
                  path={`openingHours.${day}.${slot}.end`}
                  type="time"
                  sending={sending}
                  value={range.end}
                  onValue={(value) =>
                    setDay(
                      day,
                      ranges.map((r, i) => (i === slot ? { ...r, end: value } : r)),
                    )
                  }
                />
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t('setup.hotline.removeRange', { day: dayName, n: slot + 1 })}
                  onClick={() =>
                    setDay(
                      day,
                      ranges.filter((_, i) => i !== slot),
                    )
                  }
                >
                  {t('setup.remove')}
                </button>
              </span>
            ))}
            <button
              type="button"
              className="button button--small"
              aria-label={t('setup.hotline.addRange', { day: dayName })}
              onClick={() =>
                setDay(day, [
                  ...ranges,
                  ranges.length
                    ? { start: ranges[ranges.length - 1].end, end: '22:00' }
                    : { start: '18:00', end: '22:00' },
                ])
              }
            >
              {t('setup.hotline.addHours')}
            </button>
          </div>
        );
      })}
    </fieldset>
  );
}

/** The dates the hotline stays closed, with their reason. */
function Closures({
  form,
  sending,
  onClosures,
}: {
  form: HotlineForm;
  sending: Sending;
  onClosures: (closures: HotlineForm['closures']) => void;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="card setup__group">
      <legend>{t('setup.hotline.closures')}</legend>
      {form.closures.length === 0 && <p className="hint">{t('setup.hotline.noClosures')}</p>}
      {form.closures.map((closure, index) => (
        <div key={index} className="setup__range" data-closure={index}>
          <InputField
            label={t('setup.hotline.closureDate', { n: index + 1 })}
            path={`closures.${index}.date`}
            type="date"
            sending={sending}
            value={closure.date}
            onValue={(date) =>
              onClosures(form.closures.map((c, i) => (i === index ? { ...c, date } : c)))
            }
          />
          <InputField
            label={t('setup.hotline.closureReason', { n: index + 1 })}
            path={`closures.${index}.reason`}
            sending={sending}
            value={closure.reason ?? ''}
            onValue={(reason) =>
              onClosures(form.closures.map((c, i) => (i === index ? { ...c, reason } : c)))
            }
          />
          <button
            type="button"
            className="button button--small"
            aria-label={t('setup.hotline.removeClosure', { n: index + 1 })}
            onClick={() => onClosures(form.closures.filter((_, i) => i !== index))}
          >
            {t('setup.remove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button--small"
        onClick={() => onClosures([...form.closures, { date: '', reason: '' }])}
      >
        {t('setup.hotline.addClosure')}
      </button>
    </fieldset>
  );
}
