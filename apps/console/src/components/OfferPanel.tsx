import { useEffect, useRef } from 'react';
import type { RingingOffer } from '@hotline/console-protocol';
import { callerTypeKey, useI18n } from '../i18n';
import { CallerFlags } from './CallerFlags';
import { repeatSound } from '../sounds';
import { formatDuration, useNow } from '../time';

/** Keys typed into a field are words, not commands. */
function typing(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/**
 * The ringing call: large, announced, sounding, and answerable from the keyboard (A / D) so a
 * volunteer who is looking elsewhere on the screen can still take it at once.
 */
export function OfferPanel({
  offer,
  seenAt,
  serverNow,
  busy,
  onAccept,
  onDecline,
}: {
  offer: RingingOffer;
  seenAt: number;
  serverNow: (now: number) => number;
  busy: boolean;
  onAccept: () => void;
  onDecline: () => void;
}) {
  const { t, topic } = useI18n();
  const now = useNow(250);
  const acceptRef = useRef<HTMLButtonElement>(null);
  const left = Math.max(0, Math.ceil((Date.parse(offer.expiresAt) - serverNow(now)) / 1000));
  const waited = offer.waitedSeconds + Math.max(0, (now - seenAt) / 1000);

  useEffect(() => repeatSound('ring'), [offer.offerId]);

  useEffect(() => {
    acceptRef.current?.focus();
  }, [offer.offerId]);

  // Latest handlers in a ref, so the key listener is added once per offer.
  const handlers = useRef({ onAccept, onDecline, busy });
  handlers.current = { onAccept, onDecline, busy };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.repeat || event.ctrlKey || event.metaKey || event.altKey || typing(event.target))
        return;
      if (handlers.current.busy) return;
      const key = event.key.toLowerCase();
      if (key === 'a') {
        event.preventDefault();
        handlers.current.onAccept();
      } else if (key === 'd') {
        event.preventDefault();
        handlers.current.onDecline();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [offer.offerId]);

  const crisis = offer.priority === 'crisis';
  // A live chat is offered like a call: the same panel, its language instead of a history.
  const chat = offer.channel === 'chat';
  return (
    <section
      className={`offer${crisis ? ' offer--crisis' : ''}`}
      data-channel={chat ? 'chat' : 'phone'}
      role="alert"
      aria-live="assertive"
      aria-labelledby="offer-heading"
    >
      <h2 id="offer-heading" className="offer__heading">
        {t(chat ? 'offer.chatHeading' : 'offer.heading')}
        {crisis && <span className="badge badge--crisis">{t('offer.crisis')}</span>}
        {offer.training && <span className="badge badge--training">{t('call.training')}</span>}
      </h2>
      <dl className="offer__facts">
        <div>
          <dt>{t('offer.callerType')}</dt>
          <dd data-field="callerType">{t(callerTypeKey(offer.callerType))}</dd>
        </div>
        <div>
          <dt>{t('offer.topic')}</dt>
          <dd data-field="topic">{topic(offer.topic)}</dd>
        </div>
        <div>
          <dt>{t('offer.waited')}</dt>
          <dd>{formatDuration(waited)}</dd>
        </div>
        {chat ? (
          offer.language && (
            <div>
              <dt>{t('offer.language')}</dt>
              <dd data-field="language">{t(`chat.language.${offer.language}`)}</dd>
            </div>
          )
        ) : (
          <div>
            <dt className="visually-hidden">{t('offer.history')}</dt>
            <dd>
              {offer.earlierContacts > 0
                ? t('offer.previous', { count: offer.earlierContacts })
                : t('offer.firstTime')}
            </dd>
          </div>
        )}
      </dl>
      {(offer.callerFlags?.length ?? 0) > 0 && (
        <p className="offer__flags" aria-label={t('offer.flags')}>
          <CallerFlags flags={offer.callerFlags} />
        </p>
      )}
      {offer.guidance && (
        <p className="offer__guidance" data-field="guidance">
          <strong>{t('offer.guidance')}</strong> {offer.guidance}
        </p>
      )}
      <p className="offer__countdown" aria-live="off">
        {t('offer.expires', { seconds: left })}
      </p>
      <div className="offer__actions">
        <button
          ref={acceptRef}
          type="button"
          className="button button--accept"
          aria-keyshortcuts="A"
          disabled={busy}
          onClick={onAccept}
        >
          {t('offer.accept')} <kbd>A</kbd>
        </button>
        <button
          type="button"
          className="button button--decline"
          aria-keyshortcuts="D"
          disabled={busy}
          onClick={onDecline}
        >
          {t('offer.decline')} <kbd>D</kbd>
        </button>
      </div>
    </section>
  );
}
