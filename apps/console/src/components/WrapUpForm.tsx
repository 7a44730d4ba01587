import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n';

/** After the call: for now only "finish"; the contact-record fields will join this form. */
export function WrapUpForm({ busy, onSubmit }: { busy: boolean; onSubmit: () => void }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);

  // Move focus here when the call ends, so keyboard and screen-reader users land on the form.
  useEffect(() => heading.current?.focus(), []);

  return (
    <form
      className="card wrap-up"
      aria-labelledby="wrap-up-heading"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <h2 id="wrap-up-heading" ref={heading} tabIndex={-1}>
        {t('wrapUp.heading')}
      </h2>
      <p className="hint">{t('wrapUp.hint')}</p>
      <button type="submit" className="button button--primary" disabled={busy}>
        {t('wrapUp.submit')}
      </button>
    </form>
  );
}
