import { useEffect } from 'react';
import type { CrisisAlert, QueuedCall } from '@hotline/console-protocol';
import { callerTypeKey, useI18n } from '../i18n';
import { repeatSound } from '../sounds';
import { formatDuration, secondsSince, useNow } from '../time';

/** How a supervisor can join a call from its alert. */
export type JoinMode = 'listen' | 'barge';
const JOIN_MODES: JoinMode[] = ['listen', 'barge'];

/**
 * Crisis alerts stay on screen, and keep sounding, until a supervisor acknowledges them; an
 * alert raised again (its crisis caller still waits) starts the alarm over. A volunteer's
 * "crisis now" offers to join their call while it goes on: listening, or barging in.
 */
export function AlertBanner({
  alerts,
  calls,
  serverNow,
  onAcknowledge,
  onJoin,
  onJoinChat,
  heldChatIds,
}: {
  alerts: CrisisAlert[];
  calls: QueuedCall[];
  serverNow: (now: number) => number;
  onAcknowledge: (alertId: string) => void;
  onJoin: (callId: string, mode: JoinMode) => void;
  /** A chat's alert: read the chat and join it. */
  onJoinChat: (chatId: string) => void;
  /** The chats this supervisor holds already. */
  heldChatIds: string[];
}) {
  const { t, topic } = useI18n();
  const now = serverNow(useNow());
  const sounding = alerts.length > 0;
  const lastRaised = alerts.reduce(
    (latest, alert) => (alert.lastRaisedAt > latest ? alert.lastRaisedAt : latest),
    '',
  );

  useEffect(() => (sounding ? repeatSound('alarm') : undefined), [sounding, lastRaised]);

  return (
    <section className="alerts" role="alert" aria-live="assertive" aria-label={t('alert.title')}>
      {alerts.map((alert) => {
        // A chat waits in the queue under its own id.
        const itemId = alert.callId ?? alert.chatId ?? null;
        const call = itemId ? calls.find((candidate) => candidate.callId === itemId) : undefined;
        const chat = call?.channel === 'chat';
        return (
          <div
            key={alert.alertId}
            className="alerts__item"
            data-reason={alert.reason}
            data-case={alert.caseId}
          >
            <div>
              <h2 className="alerts__title">
                {t('alert.heading', { reason: t(`alert.reason.${alert.reason}`) })}
              </h2>
              {call && alert.reason === 'crisis_now' ? (
                <p>
                  {t('alert.inCall', {
                    topic: `${t(callerTypeKey(call.callerType))} · ${topic(call.topic)}`,
                  })}
                </p>
              ) : call ? (
                // The wait ticks every second: not something to announce every second.
                <p aria-live="off">
                  {t('alert.text', {
                    topic: `${t(callerTypeKey(call.callerType))} · ${topic(call.topic)}`,
                    wait: formatDuration(secondsSince(call.queuedAt, now)),
                  })}
                </p>
              ) : alert.resolution ? (
                <p className="alerts__resolution">{t(`alert.resolution.${alert.resolution}`)}</p>
              ) : (
                // A caller's call that left the queue; other reasons are about a case, not a wait.
                (alert.reason === 'danger_key' || alert.reason === 'not_taken') && (
                  <p>{t('alert.gone')}</p>
                )
              )}
              <p className="alerts__raised" aria-live="off">
                {t('alert.raised', {
                  time: formatDuration(secondsSince(alert.raisedAt, now)),
                })}
              </p>
              {alert.lastRaisedAt !== alert.raisedAt && !alert.resolution && (
                <p className="alerts__again" aria-live="off">
                  {t('alert.again', {
                    time: formatDuration(secondsSince(alert.lastRaisedAt, now)),
                  })}
                </p>
              )}
            </div>
            <div className="alerts__actions">
              {chat && call.phase === 'talking' && !heldChatIds.includes(call.callId) && (
                <button
                  type="button"
                  className="button alerts__join"
                  data-join-chat={call.callId}
                  onClick={() => onJoinChat(call.callId)}
                >
                  {t('alert.join.chat')}
                </button>
              )}
              {call && !chat && alert.reason === 'crisis_now' && (
                <span role="group" aria-label={t('alert.join')}>
                  {JOIN_MODES.map((mode) => (
                    <button
                      key={mode}
                      type="button"
                      className="button alerts__join"
                      data-mode={mode}
                      onClick={() => onJoin(call.callId, mode)}
                    >
                      {t(`alert.join.${mode}`)}
                    </button>
                  ))}
                </span>
              )}
              <button
                type="button"
                className="button button--alarm"
                onClick={() => onAcknowledge(alert.alertId)}
              >
                {t('alert.acknowledge')}
              </button>
            </div>
          </div>
        );
      })}
    </section>
  );
}
