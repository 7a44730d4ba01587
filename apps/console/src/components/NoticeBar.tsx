import type { Notice } from '../console-store';
import { useI18n } from '../i18n';

/** The answer to the last command when it went wrong, or news the person should hear. */
export function NoticeBar({ notice, onDismiss }: { notice: Notice | null; onDismiss: () => void }) {
  const { t } = useI18n();
  const text =
    notice?.kind === 'error'
      ? t('error.prefix', { reason: notice.reason })
      : notice?.kind === 'noAnswer'
        ? t('error.noAnswer')
        : notice?.kind === 'withdrawn'
          ? t('offer.withdrawn')
          : notice?.kind === 'crisisOpened'
            ? t('wrapUp.crisisOpened')
            : notice?.kind === 'crisisNow'
              ? t(notice.chat ? 'chat.crisisOpened' : 'live.crisisOpened')
              : null;
  const info =
    notice?.kind === 'withdrawn' || notice?.kind === 'crisisOpened' || notice?.kind === 'crisisNow';
  return (
    <div className="notice-area" aria-live="polite">
      {text && (
        <p className={`notice notice--${info ? 'info' : 'error'}`}>
          <span>{text}</span>
          <button type="button" className="button button--small" onClick={onDismiss}>
            {t('error.dismiss')}
          </button>
        </p>
      )}
    </div>
  );
}
