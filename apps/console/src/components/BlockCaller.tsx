import { useId, useState } from 'react';
import { BLOCK_REASONS, type BlockReason } from '@hotline/console-protocol';
import { blockAndHangUp } from '../api';
import { useI18n } from '../i18n';
import { expiryDay, useHotlineZone } from '../hotline-zone';

/**
 * "Block and hang up" on a call of the wall: the supervisor picks a reason and confirms; the
 * caller is blocked for the hotline's default term (never shown their number) and the call
 * ends. Two steps, so a misclick never drops a child.
 */
export function BlockCaller({ callId, accessToken }: { callId: string; accessToken: string }) {
  const { t, locale } = useI18n();
  const timeZone = useHotlineZone();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<BlockReason>('abusive');
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<string | null>(null);

  async function confirm() {
    setSending(true);
    const answer = await blockAndHangUp(accessToken, callId, reason);
    setSending(false);
    if (!answer.ok) {
      setResult(t('block.failed', { reason: answer.message ?? t('error.noAnswer') }));
      return;
    }
    const until = expiryDay(answer.value.expiresAt, locale, timeZone);
    setOpen(false);
    setResult(t(answer.value.hungUp ? 'block.done' : 'block.doneNoHangUp', { until }));
  }

  return (
    <div className="block-caller" data-block-call={callId}>
      {open ? (
        <>
          <label htmlFor={`${id}reason`} className="visually-hidden">
            {t('block.reason')}
          </label>
          <select
            id={`${id}reason`}
            value={reason}
            onChange={(event) => setReason(event.target.value as BlockReason)}
          >
            {BLOCK_REASONS.map((value) => (
              <option key={value} value={value}>
                {t(`blockReason.${value}`)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button--small button--decline"
            disabled={sending}
            onClick={() => void confirm()}
          >
            {t('block.confirm')}
          </button>
          <button type="button" className="button button--small" onClick={() => setOpen(false)}>
            {t('block.cancel')}
          </button>
        </>
      ) : (
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            setResult(null);
            setOpen(true);
          }}
        >
          {t('block.open')}
        </button>
      )}
      <span role="status" className="hint">
        {result ?? ''}
      </span>
    </div>
  );
}
