import type { CallbackReminder as Reminder } from '@hotline/console-protocol';
import { useI18n } from '../i18n';

/**
 * The supervisors' reminder of call-backs still open after their evening (and of those due
 * tonight), with the way to the call-back desk. Nothing when none are late.
 */
export function CallbackReminder({
  reminder,
  onOpen,
}: {
  reminder: Reminder | undefined;
  onOpen: () => void;
}) {
  const { t } = useI18n();
  if (!reminder || reminder.overdue === 0) return null;
  return (
    <p
      className="notice notice--info callbacks__reminder"
      role="status"
      data-overdue={reminder.overdue}
    >
      <span>
        {t('callbacks.reminder', { count: reminder.overdue })}
        {reminder.today > 0 && ` ${t('callbacks.reminderToday', { count: reminder.today })}`}
      </span>{' '}
      <button type="button" className="button button--small" onClick={onOpen}>
        {t('callbacks.openDesk')}
      </button>
    </p>
  );
}
