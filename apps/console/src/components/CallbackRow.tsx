import { useEffect, useState } from 'react';
import {
  type Assignee,
  type CallbackAttempt,
  type CallbackItem,
  actionsOn,
  assignCallback,
  loadAttempts,
  markCallbackDone,
  messageAudio,
  readText,
} from '../callbacks';
import { useHotlineZone } from '../hotline-zone';
import { useI18n } from '../i18n';

/** Something done to a request: refused, the server's reason; null, it did not answer. */
export type RowResult = { ok: true; message?: string } | { ok: false; reason: string | null };

const when = (iso: string, locale: string, timeZone: string | undefined) =>
  new Date(iso).toLocaleString(locale, {
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  });

/**
 * One request of the call-back list: when and why the caller asked, their message (played
 * here, fetched with the person's token), who is to call back (a supervisor chooses), how the
 * attempts went, and what the person may do with it. No number: the server never sends one.
 */
export function CallbackRow({
  item,
  me,
  telephony,
  assignees,
  accessToken,
  busy,
  onCallBack,
  onChanged,
}: {
  item: CallbackItem;
  me: { id: string; roles: string[]; state: string; callbackId?: string };
  telephony: boolean;
  assignees: Assignee[] | null;
  accessToken: string;
  busy: boolean;
  onCallBack: () => void;
  /** The request changed here (assigned, done): the list is read again, the result shown. */
  onChanged: (result: RowResult) => void;
}) {
  const { t, locale } = useI18n();
  const timeZone = useHotlineZone();
  const can = actionsOn(item, me, telephony);
  const [confirming, setConfirming] = useState(false);
  const [history, setHistory] = useState<CallbackAttempt[] | null>(null);

  async function assign(volunteerId: string) {
    const answer = await assignCallback(accessToken, item.id, volunteerId || null);
    const name = assignees?.find((person) => person.id === volunteerId)?.name;
    onChanged(
      answer.ok
        ? { ok: true, message: name ? t('callbacks.assigned', { name }) : undefined }
        : { ok: false, reason: answer.message },
    );
  }

  async function markDone() {
    setConfirming(false);
    const answer = await markCallbackDone(accessToken, item.id);
    onChanged(answer.ok ? { ok: true } : { ok: false, reason: answer.message });
  }

  async function toggleHistory() {
    if (history) return setHistory(null);
    const answer = await loadAttempts(accessToken, item.id);
    setHistory(answer.ok ? answer.value : []);
  }

  const state = item.doneAt
    ? t(`callbacks.result.${item.result ?? 'marked_done'}`)
    : item.activeAttemptId
      ? t('callbacks.state.underWay')
      : t('callbacks.state.open');

  return (
    <tr data-callback={item.id} data-overdue={item.overdue || undefined}>
      <td data-requested-at>{when(item.requestedAt, locale, timeZone)}</td>
      <td>
        {item.forDate}
        {item.overdue && <span className="tag tag--overdue"> {t('callbacks.overdue')}</span>}
      </td>
      <td>
        {t(`callbacks.reason.${item.reason}`)}
        {!item.canCallBack && <div className="hint">{t('callbacks.noNumber')}</div>}
      </td>
      <td>
        {item.hasText ? (
          <WrittenMessage requestId={item.id} accessToken={accessToken} />
        ) : item.hasMessage ? (
          <MessagePlayer
            requestId={item.id}
            seconds={item.messageSeconds ?? 0}
            accessToken={accessToken}
          />
        ) : item.messageSeconds !== null ? (
          <span className="hint">{t('callbacks.messageGone')}</span>
        ) : (
          t('callbacks.noMessage')
        )}
      </td>
      <td>
        {can.assign && assignees ? (
          <select
            aria-label={t('callbacks.assignTo')}
            value={item.assignedTo?.id ?? ''}
            disabled={busy}
            onChange={(event) => void assign(event.target.value)}
          >
            <option value="">{t('callbacks.assignNobody')}</option>
            {assignees.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        ) : (
          (item.assignedTo?.name ?? t('callbacks.unassigned'))
        )}
      </td>
      <td>
        {item.attemptCount > 0
          ? `${t('callbacks.attempts', { count: item.attemptCount })} · ${t(
              `callbacks.outcome.${item.lastOutcome ?? 'no_answer'}`,
            )}`
          : t('callbacks.noAttempts')}
        <div>
          <button
            type="button"
            className="button button--small button--link"
            aria-expanded={history !== null}
            onClick={() => void toggleHistory()}
          >
            {t(history ? 'callbacks.hideHistory' : 'callbacks.history')}
          </button>
        </div>
        {history && (
          <ul className="callbacks__history">
            {history.length === 0 && <li className="hint">{t('callbacks.historyEmpty')}</li>}
            {history.map((attempt) => (
              <li key={attempt.attemptId}>
                {t('callbacks.attemptLine', {
                  time: when(attempt.startedAt, locale, timeZone),
                  name: attempt.volunteer.name,
                  outcome: attempt.outcome
                    ? t(`callbacks.outcome.${attempt.outcome}`)
                    : t('callbacks.state.underWay'),
                })}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td data-state>{state}</td>
      <td className="callbacks__actions">
        {can.callBack && (
          <button
            type="button"
            className="button button--small button--accept"
            disabled={busy}
            onClick={onCallBack}
          >
            {t('callbacks.callBack')}
          </button>
        )}
        {can.markDone &&
          (confirming ? (
            <span className="callbacks__confirm">
              <span>{t('callbacks.markDoneConfirm')}</span>
              <button
                type="button"
                className="button button--small button--decline"
                onClick={() => void markDone()}
              >
                {t('callbacks.markDone')}
              </button>
              <button
                type="button"
                className="button button--small"
                onClick={() => setConfirming(false)}
              >
                {t('callbacks.cancel')}
              </button>
            </span>
          ) : (
            <button
              type="button"
              className="button button--small"
              disabled={busy}
              onClick={() => setConfirming(true)}
            >
              {t('callbacks.markDone')}
            </button>
          ))}
      </td>
    </tr>
  );
}

/** A message written on the chat page: fetched when asked for (each read is audited). */
function WrittenMessage({ requestId, accessToken }: { requestId: string; accessToken: string }) {
  const { t } = useI18n();
  const [text, setText] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  async function read() {
    const answer = await readText(accessToken, requestId);
    if (answer.ok) setText(answer.value.text);
    else setFailed(true);
  }

  if (text !== null) return <blockquote className="callbacks__text">{text}</blockquote>;
  return (
    <>
      <button type="button" className="button button--small" onClick={() => void read()}>
        {t('callbacks.readText')}
      </button>
      {failed && (
        <span className="hint" role="status">
          {t('callbacks.readTextFailed')}
        </span>
      )}
    </>
  );
}

/**
 * A caller's message: fetched when asked for (each play is audited), then played in the
 * browser's own player; the audio is let go when the row goes.
 */
function MessagePlayer({
  requestId,
  seconds,
  accessToken,
}: {
  requestId: string;
  seconds: number;
  accessToken: string;
}) {
  const { t } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  const [state, setState] = useState<'idle' | 'loading' | string>('idle');

  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);

  async function play() {
    setState('loading');
    const answer = await messageAudio(accessToken, requestId);
    if (answer.ok) {
      setUrl(answer.url);
      setState('idle');
    } else {
      setState(
        t('callbacks.playFailed', {
          reason: answer.status === null ? t('callbacks.noAnswer') : String(answer.status),
        }),
      );
    }
  }

  if (url)
    return (
      <audio
        className="callbacks__audio"
        controls
        autoPlay
        src={url}
        aria-label={t('callbacks.play', { seconds })}
      />
    );
  return (
    <>
      <button
        type="button"
        className="button button--small"
        disabled={state === 'loading'}
        onClick={() => void play()}
      >
        {t('callbacks.play', { seconds })}
      </button>
      {state !== 'idle' && (
        <span className="hint" role="status">
          {state === 'loading' ? t('callbacks.playing') : state}
        </span>
      )}
    </>
  );
}
