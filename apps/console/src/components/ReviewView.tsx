import { useEffect, useId, useState } from 'react';
import type { ApiAnswer } from '../api';
import {
  DEFAULT_QUEUE,
  QUEUE_STATUSES,
  type QueueFilters,
  REVIEW_REASONS,
  type ReviewPage,
  formatInstant,
  pageRange,
} from '../casework';
import { loadFeedback, loadQueue, loadSampling, saveSampling } from '../casework-api';
import { useI18n } from '../i18n';
import { useHotlineZones } from '../use-hotline-zones';
import { type Load, useLoad } from '../use-load';
import { ReviewPanel } from './ReviewPanel';
import { TableScroll } from './TableScroll';
import '../casework.css';

type Part = 'queue' | 'mine';

/**
 * Case review: for supervisors, the hotline's review queue with its filters, a page at a
 * time, and the share of consultations sampled into it; for everyone who counsels, the
 * feedback on their own records. The review picked opens beside the list.
 */
export function ReviewView({
  accessToken,
  roles,
  hotlineId,
}: {
  accessToken: string;
  roles: string[];
  /** The hotline the console is on; its queue is the one shown. */
  hotlineId?: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const supervisor = roles.includes('supervisor');
  const [part, setPart] = useState<Part>(supervisor ? 'queue' : 'mine');
  const [picked, setPicked] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  const zones = useHotlineZones(accessToken);

  const switchTo = (next: Part) => {
    setPart(next);
    setPicked(null);
  };

  return (
    <div className="casework" data-view="review">
      <section className="card casework__list" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>{t('review.heading')}</h2>
        {supervisor && (
          <div className="casework__filters" role="group" aria-label={t('review.heading')}>
            {(['queue', 'mine'] as const).map((name) => (
              <button
                key={name}
                type="button"
                className="button button--small"
                aria-pressed={part === name}
                onClick={() => switchTo(name)}
              >
                {t(`review.${name}`)}
              </button>
            ))}
          </div>
        )}
        {part === 'queue' ? (
          <Queue
            accessToken={accessToken}
            hotlineId={hotlineId}
            zones={zones}
            version={version}
            picked={picked}
            onPick={setPicked}
          />
        ) : (
          <Feedback
            accessToken={accessToken}
            zones={zones}
            version={version}
            picked={picked}
            onPick={setPicked}
          />
        )}
      </section>
      {picked && (
        <ReviewPanel
          key={picked}
          accessToken={accessToken}
          reviewId={picked}
          timeZone={hotlineId ? zones.get(hotlineId) : undefined}
          onChanged={() => setVersion((n) => n + 1)}
          onClose={() => setPicked(null)}
        />
      )}
    </div>
  );
}

interface ListProps {
  accessToken: string;
  zones: Map<string, string>;
  version: number;
  picked: string | null;
  onPick: (reviewId: string) => void;
}

function Queue({ hotlineId, ...props }: ListProps & { hotlineId?: string }) {
  const { t } = useI18n();
  const id = useId();
  const [filters, setFilters] = useState<QueueFilters>(DEFAULT_QUEUE);
  const [page, setPage] = useState(0);
  const list = useLoad(
    (signal) => loadQueue(props.accessToken, filters, page, hotlineId, signal),
    [props.accessToken, filters, page, hotlineId, props.version],
  );
  const change = (next: Partial<QueueFilters>) => {
    setFilters((before) => ({ ...before, ...next }));
    setPage(0);
  };
  return (
    <>
      <p className="hint">{t('review.queueHint')}</p>
      {hotlineId && <Sampling accessToken={props.accessToken} hotlineId={hotlineId} />}
      <fieldset className="casework__query">
        <legend>{t('review.filters')}</legend>
        <label className="field">
          {t('review.status')}
          <select
            value={filters.status}
            onChange={(event) => change({ status: event.target.value as QueueFilters['status'] })}
          >
            {QUEUE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`review.status.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('review.reason')}
          <select
            value={filters.reason}
            onChange={(event) => change({ reason: event.target.value as QueueFilters['reason'] })}
          >
            {REVIEW_REASONS.map((reason) => (
              <option key={reason} value={reason}>
                {t(`review.reason.${reason}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field" htmlFor={`${id}-from`}>
          {t('review.from')}
          <input
            id={`${id}-from`}
            type="date"
            value={filters.from}
            onChange={(event) => change({ from: event.target.value })}
          />
        </label>
        <label className="field" htmlFor={`${id}-to`}>
          {t('review.to')}
          <input
            id={`${id}-to`}
            type="date"
            value={filters.to}
            onChange={(event) => change({ to: event.target.value })}
          />
        </label>
      </fieldset>
      <ReviewList
        {...props}
        load={list}
        page={page}
        onPage={setPage}
        empty={t('review.empty')}
        withVolunteer
        zone={hotlineId ? props.zones.get(hotlineId) : undefined}
      />
    </>
  );
}

function Feedback(props: ListProps) {
  const { t } = useI18n();
  const [page, setPage] = useState(0);
  const list = useLoad(
    (signal) => loadFeedback(props.accessToken, page, signal),
    [props.accessToken, page, props.version],
  );
  return (
    <>
      <p className="hint">{t('review.mineHint')}</p>
      <ReviewList
        {...props}
        load={list}
        page={page}
        onPage={setPage}
        empty={t('review.noFeedback')}
      />
    </>
  );
}

/** A page of reviews; the page and its rows stay while the next answer is on its way. */
function ReviewList({
  load,
  page,
  onPage,
  empty,
  withVolunteer = false,
  zone,
  zones,
  picked,
  onPick,
}: ListProps & {
  load: Load<ApiAnswer<ReviewPage>>;
  page: number;
  onPage: (page: number) => void;
  empty: string;
  withVolunteer?: boolean;
  zone?: string;
}) {
  const { t, topic, locale } = useI18n();
  const [shown, setShown] = useState<ReviewPage | null>(null);
  useEffect(() => {
    if (load.data?.ok) setShown(load.data.value);
  }, [load.data]);
  if (load.data && !load.data.ok)
    return (
      <p className="notice notice--error" role="alert">
        {t('review.failed', { reason: load.data.message ?? t('error.noAnswer') })}
      </p>
    );
  if (!shown) return <p className="loading">{t('review.loading')}</p>;
  const range = pageRange(shown);
  if (!range)
    return (
      <p className="hint" data-empty="true">
        {empty}
      </p>
    );
  return (
    <>
      <TableScroll label={t('review.heading')}>
        <table className="table casework__table">
          <thead>
            <tr>
              <th scope="col">{t('review.date')}</th>
              {withVolunteer && <th scope="col">{t('review.volunteer')}</th>}
              <th scope="col">{t('review.channel')}</th>
              <th scope="col">{t('review.topic')}</th>
              <th scope="col">{t('review.risk')}</th>
              <th scope="col">{t('review.reason')}</th>
              <th scope="col">{t('review.status')}</th>
              <th scope="col" className="numeric">
                {t('review.entries')}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.items.map((review) => (
              <tr
                key={review.id}
                data-review={review.id}
                data-status={review.status}
                aria-selected={review.id === picked}
              >
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => onPick(review.id)}>
                    {formatInstant(review.occurredAt, locale, zone ?? zones.get(review.hotlineId))}
                  </button>
                </th>
                {withVolunteer && <td>{review.volunteerName ?? t('crisisDesk.nobody')}</td>}
                <td>{t(`units.channel.${review.channel}`)}</td>
                <td>{topic(review.primaryTopic)}</td>
                <td>{review.riskLevel ? t(`risk.${review.riskLevel}`) : t('crisisDesk.nobody')}</td>
                <td>
                  <span className={`badge review-reason review-reason--${review.reason}`}>
                    {t(`review.reason.${review.reason}`)}
                  </span>
                </td>
                <td data-field="status">{t(`review.status.${review.status}`)}</td>
                <td className="numeric">{review.entryCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <nav className="casework__pages" aria-label={t('review.range', range)}>
        <button
          type="button"
          className="button button--small"
          disabled={page === 0}
          onClick={() => onPage(page - 1)}
        >
          {t('review.previous')}
        </button>
        <span data-field="range">{t('review.range', range)}</span>
        <button
          type="button"
          className="button button--small"
          disabled={range.last >= range.total}
          onClick={() => onPage(page + 1)}
        >
          {t('review.next')}
        </button>
      </nav>
    </>
  );
}

/** The share of other consultations sampled into the queue (supervisors set it). */
function Sampling({ accessToken, hotlineId }: { accessToken: string; hotlineId: string }) {
  const { t } = useI18n();
  const id = useId();
  const current = useLoad(
    (signal) => loadSampling(accessToken, hotlineId, signal),
    [accessToken, hotlineId],
  );
  const [typed, setTyped] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const value = typed ?? (current.data?.ok ? String(current.data.value.samplePercent) : '');
  return (
    <form
      className="casework__sampling"
      aria-labelledby={`${id}-sample`}
      onSubmit={(event) => {
        event.preventDefault();
        void saveSampling(accessToken, hotlineId, Number(value)).then((answer) =>
          setOutcome(
            answer.ok
              ? { ok: true, text: t('review.sampleSaved', { percent: answer.value.samplePercent }) }
              : {
                  ok: false,
                  text: t('review.failedAction', { reason: answer.message ?? t('error.noAnswer') }),
                },
          ),
        );
      }}
    >
      <span id={`${id}-sample`}>{t('review.sample')}</span>
      <label className="field">
        {t('review.samplePercent')}
        <input
          type="number"
          min={0}
          max={100}
          step={1}
          required
          value={value}
          onChange={(event) => setTyped(event.target.value)}
        />
      </label>
      <button type="submit" className="button button--small">
        {t('review.saveSample')}
      </button>
      <span role={outcome?.ok === false ? 'alert' : 'status'}>{outcome?.text}</span>
    </form>
  );
}
