import { useEffect } from 'react';
import type { CrisisAlert, QueuedCall } from '@hotline/console-protocol';
import { callerTypeKey, useI18n } from '../i18n';
import { repeatSound } from '../sounds';
import { formatDuration, secondsSince, useNow } from '../time';

/** Crisis alerts stay on screen, and keep sounding, until a supervisor acknowledges them. */
export function AlertBanner({
  alerts,
  calls,
  serverNow,
  onAcknowledge,
}: {
  alerts: CrisisAlert[];
  calls: QueuedCall[];
  serverNow: (now: number) => number;
  onAcknowledge: (alertId: string) => void;
}) {
  const { t, topic } = useI18n();
  const now = serverNow(useNow());
  const sounding = alerts.length > 0;

  useEffect(() => (sounding ? repeatSound('alarm') : undefined), [sounding]);

  return (
    <section className="alerts" role="alert" aria-live="assertive" aria-label={t('alert.title')}>
      {alerts.map((alert) => {
        const call = calls.find((candidate) => candidate.callId === alert.callId);
        return (
          <div key={alert.alertId} className="alerts__item">
            <div>
              <h2 className="alerts__title">{t('alert.title')}</h2>
              {call ? (
                <p>
                  {t('alert.text', {
                    topic: `${t(callerTypeKey(call.callerType))} · ${topic(call.topic)}`,
                    wait: formatDuration(secondsSince(call.queuedAt, now)),
                  })}
                </p>
              ) : (
                <p>{t('alert.gone')}</p>
              )}
            </div>
            <button
              type="button"
              className="button button--alarm"
              onClick={() => onAcknowledge(alert.alertId)}
            >
              {t('alert.acknowledge')}
            </button>
          </div>
        );
      })}
    </section>
  );
}
