import { useEffect, useRef, useState } from 'react';
import type { Call, Device } from '@twilio/voice-sdk';
import { voiceToken } from '../api';
import { useI18n } from '../i18n';

type Status =
  | { kind: 'off' }
  | { kind: 'starting' }
  | { kind: 'ready' }
  | { kind: 'unavailable'; message: string }
  | { kind: 'failed'; message: string };

const CHOICE_KEY = 'hotline.console.softphone';

/**
 * Answer calls in the browser instead of on one's own phone. The voice SDK is large and most
 * consoles never need it, so it is loaded only when the volunteer switches the softphone on.
 */
export function Softphone({
  accessToken,
  expectingCall,
  onRegistered,
}: {
  accessToken: string;
  expectingCall: boolean;
  /** The softphone can ring (true) or cannot any more (false): the server is told. */
  onRegistered?: (registered: boolean) => void;
}) {
  const { t } = useI18n();
  const [enabled, setEnabled] = useState(() => localStorage.getItem(CHOICE_KEY) === 'on');
  const [status, setStatus] = useState<Status>({ kind: 'off' });
  const [call, setCall] = useState<Call | null>(null);
  // The incoming handler outlives renders; it reads whether we expect a call from here.
  const expecting = useRef(expectingCall);
  expecting.current = expectingCall;
  const report = useRef(onRegistered);
  report.current = onRegistered;

  useEffect(() => {
    if (!enabled) {
      setStatus({ kind: 'off' });
      return;
    }
    let device: Device | null = null;
    let cancelled = false;
    setStatus({ kind: 'starting' });

    void (async () => {
      try {
        const credentials = await voiceToken(accessToken);
        if (cancelled) return;
        if (!credentials.ok) {
          setStatus({
            kind: credentials.unavailable ? 'unavailable' : 'failed',
            message: credentials.message,
          });
          return;
        }
        const { Device: VoiceDevice } = await import('@twilio/voice-sdk');
        if (cancelled) return;
        device = new VoiceDevice(credentials.token, { closeProtection: true });
        device.on('incoming', (incoming: Call) => {
          // Only the call this volunteer has just accepted is theirs to pick up.
          if (!expecting.current) {
            incoming.reject();
            return;
          }
          incoming.accept();
          setCall(incoming);
          const ended = () => setCall((current) => (current === incoming ? null : current));
          incoming.on('disconnect', ended);
          incoming.on('cancel', ended);
          incoming.on('reject', ended);
        });
        device.on('tokenWillExpire', () => {
          void voiceToken(accessToken).then((fresh) => {
            if (fresh.ok) device?.updateToken(fresh.token);
          });
        });
        device.on('error', (error: { message?: string }) =>
          setStatus({ kind: 'failed', message: error.message ?? String(error) }),
        );
        device.on('registered', () => report.current?.(true));
        device.on('unregistered', () => report.current?.(false));
        await device.register();
        if (!cancelled) setStatus({ kind: 'ready' });
      } catch (error) {
        if (!cancelled)
          setStatus({
            kind: 'failed',
            message: error instanceof Error ? error.message : String(error),
          });
      }
    })();

    return () => {
      cancelled = true;
      report.current?.(false);
      device?.destroy();
      setCall(null);
    };
  }, [enabled, accessToken]);

  const statusText =
    status.kind === 'starting'
      ? t('softphone.starting')
      : status.kind === 'ready'
        ? t('softphone.ready')
        : status.kind === 'unavailable'
          ? t('softphone.unavailable')
          : status.kind === 'failed'
            ? t('softphone.failed', { reason: status.message })
            : null;

  return (
    <section className="card softphone" aria-labelledby="softphone-heading">
      <h2 id="softphone-heading">{t('softphone.heading')}</h2>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={enabled}
          onChange={(event) => {
            localStorage.setItem(CHOICE_KEY, event.target.checked ? 'on' : 'off');
            setEnabled(event.target.checked);
          }}
        />
        {t('softphone.use')}
      </label>
      {statusText && (
        <p
          className={`hint softphone__status softphone__status--${status.kind}`}
          role="status"
          title={status.kind === 'unavailable' ? status.message : undefined}
        >
          {statusText}
        </p>
      )}
      {call && (
        <div className="softphone__call" aria-live="polite">
          <span>{t('softphone.inCall')}</span>
          <button
            type="button"
            className="button button--decline"
            onClick={() => call.disconnect()}
          >
            {t('softphone.hangUp')}
          </button>
        </div>
      )}
    </section>
  );
}
