import { type FormEvent, useState } from 'react';
import { useI18n } from '../../i18n';
import { loadRetention, numberOrNull, saveRetention } from '../../setup';
import { useLoad } from '../../use-load';
import type { SetupContext } from './SetupView';
import { FormEnd, InputField, Loaded, useSending } from './SetupParts';

/** How long confidential notes and callers' numbers are kept before they are cleared. */
export function RetentionSetup({ context }: { context: SetupContext }) {
  const retention = useLoad(
    (signal) => loadRetention(context.accessToken, context.hotlineId, signal),
    [context.accessToken, context.hotlineId],
  );
  return (
    <Loaded load={retention}>
      {(view) => <RetentionForm context={context} days={view.noteRetentionDays} />}
    </Loaded>
  );
}

function RetentionForm({ context, days }: { context: SetupContext; days: number }) {
  const { t } = useI18n();
  const [typed, setTyped] = useState(String(days));
  const sending = useSending();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void sending.send(() =>
      saveRetention(context.accessToken, context.hotlineId, numberOrNull(typed)),
    );
  };
  return (
    <form
      className="setup-retention"
      noValidate
      onSubmit={submit}
      aria-labelledby="setup-retention-heading"
    >
      <h3 id="setup-retention-heading">{t('setup.retention.heading')}</h3>
      <p className="hint">{t('setup.retention.intro')}</p>
      <div className="setup__fields">
        <InputField
          label={t('setup.retention.days')}
          path="noteRetentionDays"
          type="number"
          inputMode="numeric"
          sending={sending}
          value={typed}
          hint={t('setup.retention.hint')}
          onValue={setTyped}
        />
      </div>
      <FormEnd sending={sending} submit={t('setup.save')} />
    </form>
  );
}
