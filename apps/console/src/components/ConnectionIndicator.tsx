import type { Connection } from '../console-store';
import { useI18n } from '../i18n';

/** Always visible: a volunteer must know when the console cannot ring. */
export function ConnectionIndicator({
  connection,
  refused,
  onRetry,
}: {
  connection: Connection;
  refused: string | null;
  onRetry: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className={`connection connection--${connection}`} role="status" aria-live="polite">
      <span className="connection__dot" aria-hidden="true" />
      <span data-connection={connection}>{t(`connection.${connection}`)}</span>
      {refused && (
        <>
          <span className="connection__reason">{t('connection.refused', { reason: refused })}</span>
          <button type="button" className="button button--small" onClick={onRetry}>
            {t('connection.retry')}
          </button>
        </>
      )}
    </div>
  );
}
