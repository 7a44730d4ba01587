import { callerTypeKey, useI18n } from '../i18n';
import { type LiveState, waitingCalls } from '../live-state';
import { formatDuration, secondsSince } from '../time';

/** What a volunteer needs of the queue: how many wait, how long, and about what. */
export function QueueSummary({ live, serverNow }: { live: LiveState; serverNow: number }) {
  const { t, topic } = useI18n();
  const waiting = waitingCalls(live);
  const longest = waiting.reduce(
    (most, call) => Math.max(most, secondsSince(call.queuedAt, serverNow)),
    0,
  );

  return (
    <section className="card queue" aria-labelledby="queue-heading">
      <h2 id="queue-heading">{t('queue.heading')}</h2>
      <dl className="figures">
        <div>
          <dt>{t('queue.waiting')}</dt>
          <dd data-figure="waiting">{waiting.length}</dd>
        </div>
        <div>
          <dt>{t('queue.longest')}</dt>
          <dd>{waiting.length > 0 ? formatDuration(longest) : t('today.none')}</dd>
        </div>
        <div>
          <dt>{t('queue.availableVolunteers')}</dt>
          <dd>{live.availableVolunteers}</dd>
        </div>
      </dl>
      {waiting.length === 0 ? (
        <p className="hint">{t('queue.empty')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('queue.topic')}</th>
              <th scope="col">{t('queue.callerType')}</th>
              <th scope="col">{t('queue.wait')}</th>
            </tr>
          </thead>
          <tbody>
            {waiting.map((call) => (
              <tr key={call.callId} className={call.priority === 'crisis' ? 'row--crisis' : ''}>
                <td>
                  {topic(call.topic)}
                  {call.priority === 'crisis' && (
                    <span className="badge badge--crisis">{t('priority.crisis')}</span>
                  )}
                </td>
                <td>{t(callerTypeKey(call.callerType))}</td>
                <td className="numeric">
                  {formatDuration(secondsSince(call.queuedAt, serverNow))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
