import { useMemo, useState } from 'react';
import { downloadStatsCsv, loadStats } from '../api';
import { useI18n } from '../i18n';
import {
  type PeriodChoice,
  csvFileName,
  defaultChoices,
  isEmptyReport,
  periodDays,
  statsPath,
} from '../stats';
import { useLoad } from '../use-load';
import { StatsReportView } from './StatsReportView';

type Kind = PeriodChoice['kind'];
const KINDS: Kind[] = ['month', 'year', 'range'];

/**
 * The coordinators' dashboard: a period (a month, a year or a range of days), the report for
 * it as charts with their numbers, and the same report as a CSV download.
 */
export function StatsView({ accessToken, now }: { accessToken: string; now: () => number }) {
  const { t } = useI18n();
  // The current month by the hotline's clock (which a simulation may set apart from ours).
  const [defaults] = useState(() => defaultChoices(now()));
  const [kind, setKind] = useState<Kind>('month');
  const [month, setMonth] = useState(defaults.month.month);
  const [year, setYear] = useState(defaults.year.year);
  const [from, setFrom] = useState(defaults.range.from);
  const [to, setTo] = useState(defaults.range.to);
  const [downloading, setDownloading] = useState(false);
  const [downloadProblem, setDownloadProblem] = useState<string | null>(null);

  const choice = useMemo<PeriodChoice>(() => {
    switch (kind) {
      case 'month':
        return { kind, month };
      case 'year':
        return { kind, year };
      case 'range':
        return { kind, from, to };
    }
  }, [kind, month, year, from, to]);
  const path = statsPath(choice);

  const stats = useLoad(path ? (signal) => loadStats(accessToken, path, signal) : null, [
    accessToken,
    path,
  ]);
  // A retry shows "loading" rather than the failure it is retrying.
  const current = stats.loading ? null : stats.data;

  async function download() {
    const csvPath = statsPath(choice, 'csv');
    const days = current?.ok ? current.report.period : periodDays(choice);
    if (!csvPath || !days) return;
    setDownloading(true);
    setDownloadProblem(null);
    const result = await downloadStatsCsv(accessToken, csvPath, csvFileName(days));
    setDownloading(false);
    if (!result.ok)
      setDownloadProblem(
        result.status === null
          ? t('stats.noAnswer')
          : t('stats.downloadFailed', { reason: result.message ?? String(result.status) }),
      );
  }

  return (
    <div className="stats" data-view="statistics">
      <h2 className="visually-hidden">{t('stats.heading')}</h2>
      <section className="card stats__picker" aria-label={t('stats.period')}>
        <fieldset className="stats__kinds">
          <legend>{t('stats.kind')}</legend>
          {KINDS.map((option) => (
            <label key={option} className="choice">
              <input
                type="radio"
                name="stats-kind"
                value={option}
                checked={kind === option}
                onChange={() => setKind(option)}
              />
              {t(`stats.kind.${option}`)}
            </label>
          ))}
        </fieldset>
        <div className="stats__inputs">
          {kind === 'month' && (
            <label className="field">
              {t('stats.month')}
              <input
                type="month"
                name="month"
                required
                value={month}
                onChange={(event) => setMonth(event.target.value)}
              />
            </label>
          )}
          {kind === 'year' && (
            <label className="field">
              {t('stats.year')}
              <input
                type="number"
                name="year"
                inputMode="numeric"
                min={2000}
                max={2100}
                step={1}
                required
                value={year}
                onChange={(event) => setYear(event.target.value)}
              />
            </label>
          )}
          {kind === 'range' && (
            <>
              <label className="field">
                {t('stats.from')}
                <input
                  type="date"
                  name="from"
                  required
                  value={from}
                  onChange={(event) => setFrom(event.target.value)}
                />
              </label>
              <label className="field">
                {t('stats.to')}
                <input
                  type="date"
                  name="to"
                  required
                  value={to}
                  onChange={(event) => setTo(event.target.value)}
                />
              </label>
            </>
          )}
        </div>
        <div className="stats__download">
          <button
            type="button"
            className="button"
            disabled={!path || downloading}
            onClick={() => void download()}
          >
            {downloading ? t('stats.downloading') : t('stats.download')}
          </button>
        </div>
        {current?.ok && (
          <p className="hint stats__shown" data-period={current.report.period.kind}>
            {t('stats.shown', {
              from: current.report.period.from,
              to: current.report.period.to,
              zone: current.report.period.timeZone,
            })}
          </p>
        )}
        {downloadProblem && (
          <p className="problem" role="alert">
            {downloadProblem}
          </p>
        )}
      </section>

      <div className="stats__body" aria-live="polite" aria-busy={Boolean(path && !current)}>
        {!path ? (
          <p className="hint">{t('stats.incomplete')}</p>
        ) : !current ? (
          <p className="loading">{t('stats.loading')}</p>
        ) : !current.ok ? (
          <div className="notice notice--error stats__problem" role="alert">
            <span>
              {current.status === null
                ? t('stats.noAnswer')
                : t('stats.failed', { reason: current.message ?? String(current.status) })}
            </span>
            <button type="button" className="button button--small" onClick={stats.reload}>
              {t('stats.retry')}
            </button>
          </div>
        ) : isEmptyReport(current.report) ? (
          <p className="card stats__empty" data-empty="true">
            {t('stats.empty')}
          </p>
        ) : (
          <StatsReportView report={current.report} />
        )}
      </div>
    </div>
  );
}
