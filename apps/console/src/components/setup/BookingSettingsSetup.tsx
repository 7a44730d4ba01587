import { type FormEvent, useState } from 'react';
import { useI18n } from '../../i18n';
import {
  type BookingSettingsView,
  loadBookingSettings,
  numberOrNull,
  saveBookingSettings,
} from '../../setup';
import { useLoad } from '../../use-load';
import type { SetupContext } from './SetupView';
import { FormEnd, InputField, Loaded, useSending } from './SetupParts';

/** The booking rules' numbers, in the order of the form. */
const RULES = [
  'sessionMinutes',
  'bufferMinutes',
  'minNoticeHours',
  'horizonDays',
  'changeCutoffHours',
  'offerHoldMinutes',
] as const;
type Rule = (typeof RULES)[number];

/** How families book the guidance centre: session length, notice, horizon, the centre's address. */
export function BookingSettingsSetup({ context }: { context: SetupContext }) {
  const settings = useLoad(
    (signal) => loadBookingSettings(context.accessToken, context.hotlineId, signal),
    [context.accessToken, context.hotlineId],
  );
  return (
    <Loaded load={settings}>{(view) => <BookingRulesForm context={context} view={view} />}</Loaded>
  );
}

function BookingRulesForm({ context, view }: { context: SetupContext; view: BookingSettingsView }) {
  const { t } = useI18n();
  const [rules, setRules] = useState<Record<Rule, string>>(
    () =>
      Object.fromEntries(RULES.map((rule) => [rule, String(view[rule])])) as Record<Rule, string>,
  );
  const [address, setAddress] = useState(view.centreAddress ?? '');
  const sending = useSending();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void sending.send(() =>
      saveBookingSettings(context.accessToken, {
        ...Object.fromEntries(RULES.map((rule) => [rule, numberOrNull(rules[rule])])),
        centreAddress: address.trim() || null,
        hotlineId: context.hotlineId,
      }),
    );
  };
  return (
    <form
      className="setup-booking"
      noValidate
      onSubmit={submit}
      aria-labelledby="setup-booking-heading"
    >
      <h3 id="setup-booking-heading">{t('setup.booking.heading')}</h3>
      <p className="hint">{t('setup.booking.intro')}</p>
      <div className="setup__fields">
        {RULES.map((rule) => (
          <InputField
            key={rule}
            label={t(`setup.booking.${rule}`)}
            path={rule}
            type="number"
            inputMode="numeric"
            sending={sending}
            value={rules[rule]}
            onValue={(value) => setRules({ ...rules, [rule]: value })}
          />
        ))}
        <InputField
          label={t('setup.booking.centreAddress')}
          path="centreAddress"
          sending={sending}
          value={address}
          wide
          onValue={setAddress}
        />
      </div>
      <FormEnd sending={sending} submit={t('setup.save')} />
    </form>
  );
}
