import type { CallbackFigures } from '../stats';
import { useI18n } from '../i18n';

/** The month's call-backs: requests, those reached, those reached within one evening. */
export function StatsCallbacks({ callbacks }: { callbacks: CallbackFigures }) {
  const { t } = useI18n();
  const figures = [
    ['requests', 'stats.callbacksRequests', callbacks.requests],
    ['reached', 'stats.callbacksReached', callbacks.reached],
    ['reachedWithinOneEvening', 'stats.callbacksWithinEvening', callbacks.reachedWithinOneEvening],
    ['callbackConsultations', 'stats.callbacksConsultations', callbacks.consultations],
  ] as const;
  return (
    <section className="card stats__headline" aria-labelledby="stats-callbacks">
      <h3 id="stats-callbacks">{t('stats.callbacks')}</h3>
      <dl className="figures stats__figures">
        {figures.map(([name, label, value]) => (
          <div key={name}>
            <dt>{t(label)}</dt>
            <dd data-figure={name}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
