import { useEffect, useId, useRef, useState } from 'react';
import { type ReviewAction, type ReviewDetail, formatInstant } from '../casework';
import { loadReview, reviewStep } from '../casework-api';
import { useI18n } from '../i18n';
import { useLoad } from '../use-load';
import { ContactRecordCard } from './ContactRecordCard';

/** The supervisor's steps, in the order the buttons stand; the volunteer's is the answer. */
const SUPERVISOR_STEPS: ReviewAction[] = ['comment', 'request_changes', 'sign_off'];
/** Steps that say nothing without words; a sign-off may stand alone. */
const NEEDS_TEXT: ReviewAction[] = ['comment', 'request_changes', 'answer'];

/**
 * One review: the consultation's record with its notes, what supervisors and the volunteer
 * wrote on it, and the steps the server says this person may take now (a supervisor comments,
 * signs off or asks for changes; the volunteer answers).
 */
export function ReviewPanel({
  accessToken,
  reviewId,
  timeZone,
  onChanged,
  onClose,
}: {
  accessToken: string;
  reviewId: string;
  timeZone?: string;
  onChanged: () => void;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const id = useId();
  const loaded = useLoad(
    (signal) => loadReview(accessToken, reviewId, signal),
    [accessToken, reviewId],
  );
  const [latest, setLatest] = useState<ReviewDetail | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const review = latest ?? (loaded.data?.ok ? loaded.data.value : null);
  const at = (iso: string) => formatInstant(iso, locale, timeZone);

  async function step(action: ReviewAction) {
    if (NEEDS_TEXT.includes(action) && !text.trim()) {
      setOutcome({ ok: false, text: t('review.needsText') });
      return;
    }
    setBusy(true);
    setOutcome(null);
    const answer = await reviewStep(accessToken, reviewId, action, text.trim());
    setBusy(false);
    if (!answer.ok) {
      setOutcome({
        ok: false,
        text: t('review.failedAction', { reason: answer.message ?? t('error.noAnswer') }),
      });
      return;
    }
    setLatest(answer.value);
    setText('');
    setOutcome({ ok: true, text: t(`review.done.${action}`) });
    onChanged();
  }

  // The record opened takes the focus (and the view), so that it is read next.
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = review?.id;
  useEffect(() => {
    if (shown) heading.current?.focus();
  }, [shown]);

  if (!review)
    return (
      <section className="card review-detail" aria-busy={loaded.loading}>
        {loaded.data && !loaded.data.ok ? (
          <p className="notice notice--error" role="alert">
            {t('review.detailFailed', { reason: loaded.data.message ?? t('error.noAnswer') })}
          </p>
        ) : (
          <p className="loading">{t('review.detailLoading')}</p>
        )}
      </section>
    );

  const supervising = SUPERVISOR_STEPS.filter((action) => review.actions.includes(action));
  const answering = review.actions.includes('answer');
  return (
    <section
      className="card review-detail"
      aria-labelledby={`${id}-heading`}
      data-review={review.id}
      data-status={review.status}
    >
      <header className="crisis-case__header">
        <h3 id={`${id}-heading`} ref={heading} tabIndex={-1}>
          {t('review.detail', {
            volunteer: review.volunteerName ?? t('crisisDesk.nobody'),
            at: at(review.occurredAt),
          })}
        </h3>
        <button type="button" className="button button--small" onClick={onClose}>
          {t('review.closeDetail')}
        </button>
      </header>
      <p>
        <span className={`badge review-reason review-reason--${review.reason}`}>
          {t(`review.reason.${review.reason}`)}
        </span>{' '}
        <span className="review-status" data-field="status">
          {t(`review.status.${review.status}`)}
        </span>
      </p>
      <ContactRecordCard contact={review.contact} timeZone={timeZone} />

      <section className="crisis-case__part" aria-labelledby={`${id}-thread`}>
        <h4 id={`${id}-thread`}>{t('review.thread')}</h4>
        {review.entries.length === 0 ? (
          <p className="hint">{t('review.noEntries')}</p>
        ) : (
          <ol className="review-thread">
            {review.entries.map((entry) => (
              <li key={entry.id} data-entry={entry.kind}>
                <span className="hint">
                  <strong>{t(`review.kind.${entry.kind}`)}</strong> ·{' '}
                  {entry.authorName ?? t('crisisDesk.nobody')} · {at(entry.at)}
                </span>
                {(entry.text || review.textsClearedAt) && (
                  <p className="crisis-case__text">{entry.text ?? t('review.textCleared')}</p>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      {(supervising.length > 0 || answering) && (
        <form
          className="crisis-case__form"
          onSubmit={(event) => {
            event.preventDefault();
            void step(answering ? 'answer' : 'comment');
          }}
        >
          <label className="field field--wide">
            {answering ? t('review.answerText') : t('review.comment')}
            <textarea
              rows={4}
              maxLength={4000}
              value={text}
              onChange={(event) => setText(event.target.value)}
            />
          </label>
          <div className="crisis-case__buttons">
            {answering ? (
              <button type="submit" className="button button--primary" disabled={busy}>
                {t('review.action.answer')}
              </button>
            ) : (
              supervising.map((action) => (
                <button
                  key={action}
                  type="button"
                  className={`button${action === 'sign_off' ? ' button--primary' : ''}`}
                  disabled={busy}
                  onClick={() => void step(action)}
                >
                  {t(`review.action.${action}`)}
                </button>
              ))
            )}
          </div>
        </form>
      )}
      <p className="crisis-case__outcome" role={outcome?.ok === false ? 'alert' : 'status'}>
        {outcome?.text}
      </p>
    </section>
  );
}
