import type { CallerFlag } from '@hotline/console-protocol';
import { useI18n } from '../i18n';

/** The caller's profile flags as badges (frequent caller, at risk, ...); never the number. */
export function CallerFlags({ flags }: { flags: string[] | undefined }) {
  const { t } = useI18n();
  return (
    <>
      {flags?.map((flag) => (
        <span key={flag} className="badge badge--flag" data-caller-flag={flag}>
          {t(`callerFlag.${flag as CallerFlag}`)}
        </span>
      ))}
    </>
  );
}
