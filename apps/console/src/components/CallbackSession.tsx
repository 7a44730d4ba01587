import { useEffect, useState } from 'react';
import type { CallbackAttemptLive, ContactFields, Me } from '@hotline/console-protocol';
import { loadAttempt, wrapUpCallBack } from '../callbacks';
import type { WrapUpResult } from '../console-store';
import { useI18n } from '../i18n';
import { formatDuration, secondsSince, useNow } from '../time';
import { WrapUpForm } from './WrapUpForm';

/** A call-back's record has no call: no draft is kept on the server while it goes on. */
const NO_CALL = { callId: null, callerType: null, topic: null };

/**
 * The call-back I am making: my phone or browser ringing, then the caller's, then the talk
 * and its timer; once it reached someone, the record of it (the wrap-up form), or "not the
 * caller" for a wrong number. Steps come from the server (`callback.attempt`); after a reload
 * the attempt is read once.
 */
export function CallbackSession({
  attemptId,
  me,
  late,
  pushed,
  accessToken,
  serverNow,
  onRecorded,
  onClose,
}: {
  attemptId: string;
  me: Me;
  /** Wrap-up ran out before the record was written: it can still be, or be left. */
  late: boolean;
  /** The latest step the server sent, if any. */
  pushed: CallbackAttemptLive | null;
  accessToken: string;
  serverNow: (now: number) => number;
  onRecorded: (message: string) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const now = serverNow(useNow());
  const [read, setRead] = useState<CallbackAttemptLive | null>(null);
  const [sending, setSending] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    void loadAttempt(accessToken, attemptId, controller.signal)
      .then((answer) => answer.ok && setRead(answer.value))
      .catch(() => undefined);
    return () => controller.abort();
  }, [accessToken, attemptId]);

  // What the server pushed is newer than what was read, for this attempt.
  const attempt = pushed?.attemptId === attemptId ? pushed : read;
  const recordDue =
    attempt?.outcome === 'reached' && (late || (me.state === 'wrap_up' && !!me.callbackId));

  async function record(contact: ContactFields): Promise<WrapUpResult> {
    setSending(true);
    const answer = await wrapUpCallBack(accessToken, attemptId, contact);
    setSending(false);
    if (!answer.ok)
      return { ok: false, error: answer.message ?? (answer.status ? String(answer.status) : null) };
    onRecorded(t('callbacks.recorded'));
    return { ok: true, crisisCaseId: answer.value.crisisCaseId };
  }

  return (
    <section
      className="card callbacks__session"
      aria-labelledby="callback-session"
      data-attempt={attemptId}
    >
      <h2 id="callback-session">{t('callbacks.session')}</h2>
      <p
        className="callbacks__step"
        role="status"
        data-step={attempt?.status ?? 'ringing_volunteer'}
      >
        {!attempt || attempt.status === 'ringing_volunteer'
          ? t('callbacks.session.ringing_volunteer')
          : attempt.status === 'dialling'
            ? t('callbacks.session.dialling')
            : attempt.status === 'talking'
              ? t('callbacks.session.talking', {
                  time: formatDuration(secondsSince(attempt.answeredAt ?? attempt.startedAt, now)),
                })
              : t('callbacks.session.ended', {
                  outcome: t(`callbacks.outcome.${attempt.outcome ?? 'not_placed'}`),
                })}
      </p>
      {recordDue && (
        <>
          <p className="hint">{t('callbacks.session.wrapUp')}</p>
          <button
            type="button"
            className="button"
            disabled={sending}
            onClick={() =>
              void record({ contactType: 'wrong_number' }).then((result) =>
                setRefused(result.ok ? null : (result.error ?? t('callbacks.noAnswer'))),
              )
            }
          >
            {t('callbacks.wrongNumber')}
          </button>
          {refused && (
            <p className="notice notice--error" role="alert">
              {refused}
            </p>
          )}
          <WrapUpForm
            key={attemptId}
            recordDue={NO_CALL}
            late={late}
            busy={sending}
            accessToken={accessToken}
            onSubmit={record}
            onClose={onClose}
          />
        </>
      )}
    </section>
  );
}
