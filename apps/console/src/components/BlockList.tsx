import { useState } from 'react';
import { loadCallerBlocks, liftCallerBlock } from '../api';
import { useI18n } from '../i18n';
import { useLoad } from '../use-load';
import { expiryDay, useHotlineZone } from '../hotline-zone';

/**
 * The blocks in force on the hotline, for supervisors: why, since when, until when; each can
 * be lifted before its expiry. Read again whenever the wall's calls change (a block from the
 * wall ends its call).
 */
export function BlockList({
  accessToken,
  hotlineId,
  calls,
}: {
  accessToken: string;
  hotlineId: string;
  /** The wall's calls, as one key: the list is read again when it changes. */
  calls: string;
}) {
  const { t, locale } = useI18n();
  const timeZone = useHotlineZone();
  const [failure, setFailure] = useState<string | null>(null);
  const blocks = useLoad(
    async (signal) => {
      const answer = await loadCallerBlocks(accessToken, hotlineId, signal);
      return answer.ok ? answer.value : [];
    },
    [accessToken, hotlineId, calls],
  );
  const day = (at: string | null) => expiryDay(at, locale, timeZone);

  async function lift(blockId: string) {
    const answer = await liftCallerBlock(accessToken, blockId);
    setFailure(
      answer.ok ? null : t('block.failed', { reason: answer.message ?? t('error.noAnswer') }),
    );
    blocks.reload();
  }

  const rows = blocks.data ?? [];
  return (
    <section className="card" aria-labelledby="wall-blocks">
      <h3 id="wall-blocks">
        {t('blocks.heading')} <span className="count">{rows.length}</span>
      </h3>
      {rows.length === 0 ? (
        <p className="hint">{t('blocks.none')}</p>
      ) : (
        <table className="wall__blocks">
          <thead>
            <tr>
              <th scope="col">{t('block.reason')}</th>
              <th scope="col">{t('blocks.since')}</th>
              <th scope="col">{t('blocks.until')}</th>
              <th scope="col">{t('wall.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((block) => (
              <tr key={block.id} data-block={block.id}>
                <td>{t(`blockReason.${block.reason}`)}</td>
                <td>{day(block.blockedAt)}</td>
                <td>{day(block.expiresAt)}</td>
                <td>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => void lift(block.id)}
                  >
                    {t('blocks.lift')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p role="status" className="hint">
        {failure ?? ''}
      </p>
    </section>
  );
}
