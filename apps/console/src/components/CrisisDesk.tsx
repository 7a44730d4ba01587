import { useEffect, useId, useState } from 'react';
import {
  CASE_FILTERS,
  type CaseFilter,
  casesPage,
  formatInstant,
  msUntilDue,
  reportUrgency,
} from '../casework';
import { loadCases } from '../casework-api';
import { useI18n } from '../i18n';
import { useNow } from '../time';
import { useHotlineZones } from '../use-hotline-zones';
import { useLoad } from '../use-load';
import { Countdown, CrisisCasePanel } from './CrisisCasePanel';
import { TableScroll } from './TableScroll';
import '../casework.css';

/** How often the open cases are read again while the desk is open (their countdowns tick meanwhile). */
const REFRESH_MS = 30_000;

/**
 * The crisis desk: the cases a person works on, a page at a time, each with its report's
 * countdown (red once late, amber within two hours), and the case picked beside the list.
 * Supervisors see every case of their hotlines; a volunteer the cases of their own calls and
 * records. Read again every half minute and whenever a crisis alert comes in.
 */
export function CrisisDesk({
  accessToken,
  meId,
  roles,
  serverNow,
  alertsKey,
}: {
  accessToken: string;
  meId: string;
  roles: string[];
  serverNow: (now: number) => number;
  /** The crisis alerts on the wall, as one key: a new one means a new or late case. */
  alertsKey: string;
}) {
  const { t, locale } = useI18n();
  const id = useId();
  const supervisor = roles.includes('supervisor');
  const [filter, setFilter] = useState<CaseFilter>('open');
  const [page, setPage] = useState(0);
  const [picked, setPicked] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const now = serverNow(useNow(1000));

  useEffect(() => {
    const timer = window.setInterval(() => setTick((n) => n + 1), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, []);

  const zones = useHotlineZones(accessToken);
  const list = useLoad(
    (signal) => loadCases(accessToken, filter, page, signal),
    [accessToken, filter, page, alertsKey, tick],
  );
  // While it is read again, the page keeps showing what it had.
  const [shown, setShown] = useState<ReturnType<typeof casesPage> | null>(null);
  useEffect(() => {
    if (list.data?.ok) setShown(casesPage(list.data.value));
  }, [list.data]);
  const pickedCase = shown?.cases.find((crisisCase) => crisisCase.id === picked);

  const choose = (next: CaseFilter) => {
    setFilter(next);
    setPage(0);
    setShown(null);
  };

  return (
    <div className="casework" data-view="crisis-desk">
      <section className="card casework__list" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>{t('crisisDesk.heading')}</h2>
        <p className="hint">
          {supervisor ? t('crisisDesk.scope.supervisor') : t('crisisDesk.scope.volunteer')}
        </p>
        <div className="casework__filters" role="group" aria-label={t('crisisDesk.show')}>
          {CASE_FILTERS.map((name) => (
            <button
              key={name}
              type="button"
              className="button button--small"
              aria-pressed={filter === name}
              onClick={() => choose(name)}
            >
              {t(`crisisDesk.filter.${name}`)}
            </button>
          ))}
        </div>
        {list.data && !list.data.ok ? (
          <p className="notice notice--error" role="alert">
            {t('crisisDesk.failed', { reason: list.data.message ?? t('error.noAnswer') })}
          </p>
        ) : !shown ? (
          <p className="loading">{t('crisisDesk.loading')}</p>
        ) : shown.cases.length === 0 ? (
          <p className="hint" data-empty="true">
            {t('crisisDesk.empty')}
          </p>
        ) : (
          <TableScroll label={t('crisisDesk.heading')}>
            <table className="table casework__table">
              <caption className="visually-hidden">{t('crisisDesk.heading')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('crisisDesk.opened')}</th>
                  <th scope="col">{t('crisisDesk.trigger')}</th>
                  <th scope="col">{t('crisisDesk.risk')}</th>
                  <th scope="col">{t('crisisDesk.volunteer')}</th>
                  <th scope="col">{t('crisisDesk.supervisor')}</th>
                  <th scope="col">{t('crisisDesk.report')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.cases.map((crisisCase) => {
                  const urgency = reportUrgency(crisisCase, now);
                  return (
                    <tr
                      key={crisisCase.id}
                      data-case={crisisCase.id}
                      data-urgency={urgency}
                      aria-selected={crisisCase.id === picked}
                      className={`casework__row casework__row--${urgency}`}
                    >
                      <th scope="row">
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => setPicked(crisisCase.id)}
                        >
                          {formatInstant(
                            crisisCase.openedAt,
                            locale,
                            zones.get(crisisCase.hotlineId),
                          )}
                        </button>
                      </th>
                      <td>{t(`crisisDesk.trigger.${crisisCase.trigger}`)}</td>
                      <td>
                        {crisisCase.riskLevel
                          ? t(`risk.${crisisCase.riskLevel}`)
                          : t('crisisDesk.nobody')}
                      </td>
                      <td>{crisisCase.volunteerName ?? t('crisisDesk.nobody')}</td>
                      <td>{crisisCase.supervisorName ?? t('crisisDesk.notTaken')}</td>
                      <td>
                        <Countdown urgency={urgency} msLeft={msUntilDue(crisisCase, now)} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        )}
        {shown && (page > 0 || shown.more) && (
          <nav className="casework__pages" aria-label={t('crisisDesk.page', { page: page + 1 })}>
            <button
              type="button"
              className="button button--small"
              disabled={page === 0}
              onClick={() => setPage((n) => n - 1)}
            >
              {t('crisisDesk.newer')}
            </button>
            <span>{t('crisisDesk.page', { page: page + 1 })}</span>
            <button
              type="button"
              className="button button--small"
              disabled={!shown.more}
              onClick={() => setPage((n) => n + 1)}
            >
              {t('crisisDesk.older')}
            </button>
          </nav>
        )}
      </section>

      {picked && (
        <CrisisCasePanel
          key={picked}
          accessToken={accessToken}
          caseId={picked}
          meId={meId}
          supervisor={supervisor}
          serverNow={serverNow}
          timeZone={pickedCase ? zones.get(pickedCase.hotlineId) : undefined}
          onChanged={() => setTick((n) => n + 1)}
          onClose={() => setPicked(null)}
        />
      )}
    </div>
  );
}
