import { useId, useRef, useState } from 'react';
import { createCalendarFeed, revokeCalendarFeed } from '../api';
import { useI18n } from '../i18n';

type Problem = { status: number | null; message: string | null };
type Note = 'copied' | 'copyFailed' | 'revoked' | null;

/**
 * "My calendar": a private iCalendar address of the person's shifts for their phone. The server
 * keeps only a hash of it, so the address is shown once, right after it is made; making a new
 * one or revoking it stops the old one.
 */
export function CalendarFeed({ accessToken }: { accessToken: string }) {
  const { t } = useI18n();
  const id = useId();
  const [url, setUrl] = useState<string | null>(null);
  const [working, setWorking] = useState<'create' | 'revoke' | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [note, setNote] = useState<Note>(null);
  const field = useRef<HTMLInputElement>(null);

  async function create() {
    setWorking('create');
    setProblem(null);
    setNote(null);
    const answer = await createCalendarFeed(accessToken);
    setWorking(null);
    if (answer.ok) setUrl(answer.value.url);
    else setProblem(answer);
  }

  async function revoke() {
    setWorking('revoke');
    setProblem(null);
    setNote(null);
    const answer = await revokeCalendarFeed(accessToken);
    setWorking(null);
    if (answer.ok) {
      setUrl(null);
      setNote('revoked');
    } else setProblem(answer);
  }

  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setNote('copied');
    } catch {
      // No clipboard (an insecure origin, or permission refused): select it for a manual copy.
      field.current?.focus();
      field.current?.select();
      setNote('copyFailed');
    }
  }

  return (
    <section className="card calendar-feed" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('calendar.heading')}</h3>
      <p className="hint">{t('calendar.intro')}</p>
      {url && (
        <div className="calendar-feed__address">
          <label htmlFor={`${id}-url`}>{t('calendar.url')}</label>
          <div className="calendar-feed__copy">
            <input
              ref={field}
              id={`${id}-url`}
              type="text"
              readOnly
              value={url}
              data-calendar-url
              aria-describedby={`${id}-private`}
              onFocus={(event) => event.target.select()}
            />
            <button type="button" className="button" onClick={() => void copy()}>
              {t('calendar.copy')}
            </button>
          </div>
          <p id={`${id}-private`} className="calendar-feed__warning">
            {t('calendar.private')} {t('calendar.once')}
          </p>
        </div>
      )}
      <div className="calendar-feed__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={working !== null}
          onClick={() => void create()}
        >
          {working === 'create'
            ? t('calendar.creating')
            : url
              ? t('calendar.recreate')
              : t('calendar.create')}
        </button>
        <button
          type="button"
          className="button"
          disabled={working !== null}
          onClick={() => void revoke()}
        >
          {working === 'revoke' ? t('calendar.revoking') : t('calendar.revoke')}
        </button>
      </div>
      <p className="hint calendar-feed__note" aria-live="polite">
        {note && t(`calendar.${note}`)}
      </p>
      {problem && (
        <p className="problem" role="alert">
          {problem.status === null
            ? t('calendar.noAnswer')
            : t('calendar.failed', { reason: problem.message ?? String(problem.status) })}
        </p>
      )}
    </section>
  );
}
