import { type ReactNode, useMemo } from 'react';
import {
  type DashboardChart,
  barChart,
  doughnutChart,
  horizontalHeight,
  trendChart,
} from '../chart-config';
import { type TextKey, useI18n } from '../i18n';
import {
  type Block,
  type CallFigures,
  type ConsultationBlock,
  type CrisisFigures,
  type StatsReport,
  type SupervisionFigures,
  type TrendMonth,
  type VolunteerFigures,
  everyHour,
  formatPercent,
  hourShares,
} from '../stats';
import { durationText } from '../casework';
import { formatDuration } from '../time';
import { StatsCallbacks } from './StatsCallbacks';
import { ChartCanvas } from './ChartCanvas';
import { TableScroll } from './TableScroll';

type Shape = 'doughnut' | 'bar' | 'horizontal';

/** How each consultation block is drawn: topics have long labels, so their bars lie down. */
const CONSULTATION_CHARTS: { name: ConsultationBlock; shape: Shape; note?: TextKey }[] = [
  { name: 'byChannel', shape: 'doughnut' },
  { name: 'byPrimaryTopicGroup', shape: 'horizontal' },
  { name: 'byCallerType', shape: 'bar' },
  { name: 'byAgeBand', shape: 'bar' },
  { name: 'byGender', shape: 'bar' },
  { name: 'byRisk', shape: 'bar' },
  { name: 'byOutcome', shape: 'horizontal' },
  { name: 'byPrimaryTopic', shape: 'horizontal' },
  { name: 'byAnyTopicGroup', shape: 'horizontal', note: 'stats.mentions' },
  { name: 'byAnyTopic', shape: 'horizontal', note: 'stats.mentions' },
];

/** One period's report: service levels, consultations, calls by hour, trend, crises, volunteers. */
export function StatsReportView({ report }: { report: StatsReport }) {
  const { t } = useI18n();
  const { consultations } = report;
  return (
    <div className="stats__report">
      <CallHeadlines calls={report.calls} />
      <StatsCallbacks callbacks={report.callbacks} />

      <section className="stats__section" aria-labelledby="stats-consultations">
        <h3 id="stats-consultations">{t('stats.consultations')}</h3>
        <dl className="figures">
          <Figure name="consultations" label={t('stats.consultationsTotal')}>
            {consultations.total}
          </Figure>
          <Figure name="notCategorised" label={t('stats.notCategorised')}>
            {consultations.notCategorised}
          </Figure>
        </dl>
        <div className="stats__grid">
          {CONSULTATION_CHARTS.map(({ name, shape, note }) => (
            <BlockCard
              key={name}
              name={name}
              title={t(`stats.${name}`)}
              block={consultations[name]}
              shape={shape}
              note={note && t(note)}
            />
          ))}
        </div>
      </section>

      <section className="stats__section" aria-labelledby="stats-non-counselling">
        <h3 id="stats-non-counselling">{t('stats.nonCounselling')}</h3>
        <p className="hint">{t('stats.nonCounsellingNote')}</p>
        <dl className="figures">
          <Figure name="nonCounselling" label={t('stats.nonCounsellingTotal')}>
            {report.nonCounselling.total}
          </Figure>
        </dl>
        <BlockCard
          name="nonCounsellingByType"
          title={t('stats.nonCounsellingByType')}
          block={report.nonCounselling.byType}
          shape="horizontal"
        />
      </section>

      <div className="stats__grid">
        <HoursCard calls={report.calls} />
        <TrendCard trend={report.trend} />
        <CrisisCard crisis={report.crisis} />
        <VolunteersCard volunteers={report.volunteers} />
        <ReviewsCard reviews={report.reviews} />
      </div>
    </div>
  );
}

function Figure({ name, label, children }: { name: string; label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-figure={name}>{children}</dd>
    </div>
  );
}

/** The service-level headline: big numbers a coordinator reports every month. */
function CallHeadlines({ calls }: { calls: CallFigures }) {
  const { t } = useI18n();
  const none = t('stats.none');
  const duration = (seconds: number | null) => (seconds === null ? none : formatDuration(seconds));
  return (
    <section className="card stats__headline" aria-labelledby="stats-calls">
      <h3 id="stats-calls">{t('stats.calls')}</h3>
      <dl className="figures stats__figures">
        <Figure name="offered" label={t('stats.offered')}>
          {calls.offered}
        </Figure>
        <Figure name="answered" label={t('stats.answered')}>
          {calls.answered}
        </Figure>
        <Figure name="abandoned" label={t('stats.abandoned')}>
          {calls.abandoned}
        </Figure>
        <Figure name="abandonmentRate" label={t('stats.abandonmentRate')}>
          {formatPercent(calls.abandonmentRate, none)}
        </Figure>
        <Figure
          name="serviceLevel"
          label={t('stats.serviceLevel', { seconds: calls.serviceLevel.thresholdSeconds })}
        >
          {formatPercent(calls.serviceLevel.percent, none)}
        </Figure>
        <Figure name="averageWait" label={t('stats.averageWait')}>
          {duration(calls.averageWaitSeconds)}
        </Figure>
        <Figure name="longestWait" label={t('stats.longestWait')}>
          {duration(calls.offered > 0 ? calls.longestWaitSeconds : null)}
        </Figure>
        <Figure name="averageTalk" label={t('stats.averageTalk')}>
          {duration(calls.averageTalkSeconds)}
        </Figure>
        <Figure name="averageWrapUp" label={t('stats.averageWrapUp')}>
          {duration(calls.averageWrapUpSeconds)}
        </Figure>
        <Figure name="closedHours" label={t('stats.closedHours')}>
          {calls.closedHours}
        </Figure>
        <Figure name="callbackRequests" label={t('stats.callbackRequests')}>
          {calls.callbackRequests}
        </Figure>
        <Figure name="overflowed" label={t('stats.overflowed')}>
          {calls.overflowed}
        </Figure>
        <Figure name="queueFull" label={t('stats.queueFull')}>
          {calls.queueFull}
        </Figure>
        <Figure name="blocked" label={t('stats.blocked')}>
          {calls.blocked}
        </Figure>
        <Figure name="overLimit" label={t('stats.overLimit')}>
          {calls.overLimit}
        </Figure>
      </dl>
    </section>
  );
}

/** "Face-to-face 3 (60.0%), Online 2 (40.0%)": what a chart shows, said in words. */
function spoken(rows: { label: string; count: number; share: number }[]): string {
  return rows.map((row) => `${row.label} ${row.count} (${row.share.toFixed(1)}%)`).join(', ');
}

/** A block of the report in its own card. */
function BlockCard({
  name,
  title,
  block,
  shape,
  note,
}: {
  name: string;
  title: string;
  block: Block;
  shape: Shape;
  note?: string;
}) {
  const headingId = `stats-${name}`;
  return (
    <section className="card stats-block" aria-labelledby={headingId} data-block-card={name}>
      <h3 id={headingId}>{title}</h3>
      {note && <p className="hint">{note}</p>}
      <BlockFigures name={name} title={title} block={block} shape={shape} />
    </section>
  );
}

/** A block's chart, and beside it the table of label, count and share. */
function BlockFigures({
  name,
  title,
  block,
  shape,
}: {
  name: string;
  title: string;
  block: Block;
  shape: Shape;
}) {
  const { t, locale } = useI18n();
  const rows = useMemo(
    () => block.rows.map((row) => ({ ...row, text: row.label[locale] || row.key })),
    [block, locale],
  );
  const config = useMemo<DashboardChart>(() => {
    const series = { labels: rows.map((row) => row.text), counts: rows.map((row) => row.count) };
    return shape === 'doughnut'
      ? doughnutChart(series)
      : barChart(series, { name: title, horizontal: shape === 'horizontal' });
  }, [rows, shape, title]);

  if (rows.length === 0) return <p className="hint">{t('stats.blockEmpty')}</p>;
  return (
    <div className="stats-block__body">
      <ChartCanvas
        name={name}
        label={t('stats.chart', {
          title,
          values: spoken(rows.map((row) => ({ ...row, label: row.text }))),
        })}
        config={config}
        height={shape === 'horizontal' ? horizontalHeight(rows.length) : 240}
      />
      <TableScroll label={title}>
        <table className="table stats__table" data-block={name}>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('stats.category')}</th>
              <th scope="col" className="numeric">
                {t('stats.count')}
              </th>
              <th scope="col" className="numeric">
                {t('stats.share')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-key={row.key}>
                <th scope="row">{row.text}</th>
                <td className="numeric" data-cell="count">
                  {row.count}
                </td>
                <td className="numeric" data-cell="share">
                  {formatPercent(row.share)}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('stats.total')}</th>
              <td className="numeric" data-cell="total">
                {block.total}
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
      </TableScroll>
    </div>
  );
}

function HoursCard({ calls }: { calls: CallFigures }) {
  const { t } = useI18n();
  const title = t('stats.byHour');
  const hours = useMemo(() => everyHour(calls.byHour), [calls.byHour]);
  const rows = useMemo(
    () =>
      hourShares(calls.byHour).map((row) => ({
        ...row,
        label: t('stats.hourLabel', { hour: row.hour }),
      })),
    [calls.byHour, t],
  );
  const config = useMemo(
    () =>
      barChart(
        {
          labels: hours.map((hour) => t('stats.hourLabel', { hour: hour.hour })),
          counts: hours.map((hour) => hour.count),
        },
        { name: title },
      ),
    [hours, t, title],
  );

  return (
    <section className="card stats-block" aria-labelledby="stats-byHour" data-block-card="byHour">
      <h3 id="stats-byHour">{title}</h3>
      {rows.length === 0 ? (
        <p className="hint">{t('stats.noCalls')}</p>
      ) : (
        <div className="stats-block__body">
          <ChartCanvas
            name="byHour"
            label={t('stats.chart', { title, values: spoken(rows) })}
            config={config}
          />
          <TableScroll label={title}>
            <table className="table stats__table" data-block="byHour">
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('stats.hour')}</th>
                  <th scope="col" className="numeric">
                    {t('stats.count')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('stats.share')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.hour} data-key={row.hour}>
                    <th scope="row">{row.label}</th>
                    <td className="numeric" data-cell="count">
                      {row.count}
                    </td>
                    <td className="numeric" data-cell="share">
                      {formatPercent(row.share)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </div>
      )}
    </section>
  );
}

function TrendCard({ trend }: { trend: TrendMonth[] }) {
  const { t } = useI18n();
  const title = t('stats.trend');
  const none = t('stats.none');
  const config = useMemo(
    () =>
      trendChart({
        months: trend.map((month) => month.month),
        consultations: trend.map((month) => month.consultations),
        serviceLevel: trend.map((month) => month.serviceLevel),
        consultationsLabel: t('stats.consultationsTotal'),
        serviceLevelLabel: t('stats.trendServiceLevel'),
      }),
    [trend, t],
  );
  const label = t('stats.chart', {
    title,
    values: trend
      .map(
        (month) =>
          `${month.month} ${month.consultations} / ${formatPercent(month.serviceLevel, none)}`,
      )
      .join(', '),
  });

  return (
    <section
      className="card stats-block stats-block--wide"
      aria-labelledby="stats-trend"
      data-block-card="trend"
    >
      <h3 id="stats-trend">{title}</h3>
      <div className="stats-block__body">
        <ChartCanvas name="trend" label={label} config={config} height={280} />
        <TableScroll label={title}>
          <table className="table stats__table stats__table--trend" data-block="trend">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('stats.trendMonth')}</th>
                <th scope="col" className="numeric">
                  {t('stats.consultationsTotal')}
                </th>
                <th scope="col" className="numeric">
                  {t('stats.offered')}
                </th>
                <th scope="col" className="numeric">
                  {t('stats.answered')}
                </th>
                <th scope="col" className="numeric">
                  {t('stats.abandonmentRate')}
                </th>
                <th scope="col" className="numeric">
                  {t('stats.trendServiceLevel')}
                </th>
              </tr>
            </thead>
            <tbody>
              {trend.map((month) => (
                <tr key={month.month} data-key={month.month}>
                  <th scope="row">{month.month}</th>
                  <td className="numeric" data-cell="consultations">
                    {month.consultations}
                  </td>
                  <td className="numeric">{month.offered}</td>
                  <td className="numeric">{month.answered}</td>
                  <td className="numeric">{formatPercent(month.abandonmentRate, none)}</td>
                  <td className="numeric" data-cell="serviceLevel">
                    {formatPercent(month.serviceLevel, none)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </div>
    </section>
  );
}

function CrisisCard({ crisis }: { crisis: CrisisFigures }) {
  const { t } = useI18n();
  return (
    <section className="card stats-block" aria-labelledby="stats-crisis" data-block-card="crisis">
      <h3 id="stats-crisis">{t('stats.crisis')}</h3>
      <dl className="figures">
        <Figure name="crisisOpened" label={t('stats.crisisOpened')}>
          {crisis.opened}
        </Figure>
        <Figure name="referred" label={t('stats.referred')}>
          {crisis.referred}
        </Figure>
        <Figure name="reportsOnTime" label={t('stats.reportsOnTime')}>
          {crisis.reportsOnTime}
        </Figure>
        <Figure name="reportsLate" label={t('stats.reportsLate')}>
          {crisis.reportsLate}
        </Figure>
        <Figure name="reportsPending" label={t('stats.reportsPending')}>
          {crisis.reportsPending}
        </Figure>
      </dl>
      {crisis.opened > 0 && (
        <>
          <h4>{t('stats.byTrigger')}</h4>
          <BlockFigures
            name="byTrigger"
            title={t('stats.byTrigger')}
            block={crisis.byTrigger}
            shape="bar"
          />
        </>
      )}
    </section>
  );
}

function VolunteersCard({ volunteers }: { volunteers: VolunteerFigures[] }) {
  const { t } = useI18n();
  return (
    <section
      className="card stats-block"
      aria-labelledby="stats-volunteers"
      data-block-card="volunteers"
    >
      <h3 id="stats-volunteers">{t('stats.volunteers')}</h3>
      {volunteers.length === 0 ? (
        <p className="hint">{t('stats.noVolunteers')}</p>
      ) : (
        <TableScroll label={t('stats.volunteers')}>
          <table className="table stats__table" data-block="volunteers">
            <caption className="visually-hidden">{t('stats.volunteers')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('stats.volunteer')}</th>
                <th scope="col" className="numeric">
                  {t('stats.callsAnswered')}
                </th>
                <th scope="col" className="numeric">
                  {t('stats.hoursOnDuty')}
                </th>
                <th scope="col" className="numeric">
                  {t('stats.noShows')}
                </th>
              </tr>
            </thead>
            <tbody>
              {volunteers.map((volunteer) => (
                <tr key={volunteer.volunteerId} data-volunteer={volunteer.volunteerId}>
                  <th scope="row">{volunteer.name}</th>
                  <td className="numeric" data-cell="callsAnswered">
                    {volunteer.callsAnswered}
                  </td>
                  <td className="numeric" data-cell="hoursOnDuty">
                    {volunteer.hoursOnDuty.toFixed(1)}
                  </td>
                  <td className="numeric" data-cell="noShows">
                    {volunteer.noShows}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

/** Case review: how many consultations were taken for review, how many reviewed, how fast. */
function ReviewsCard({ reviews }: { reviews: SupervisionFigures }) {
  const { t } = useI18n();
  const none = t('stats.none');
  const median = reviews.medianSecondsToReview;
  return (
    <section className="card stats-block" aria-labelledby="stats-reviews" data-block-card="reviews">
      <h3 id="stats-reviews">{t('stats.reviews')}</h3>
      <dl className="figures">
        <Figure name="reviewsSelected" label={t('stats.reviewsSelected')}>
          {reviews.selected}
        </Figure>
        <Figure name="reviewsReviewed" label={t('stats.reviewsReviewed')}>
          {reviews.reviewed}
        </Figure>
        <Figure name="reviewedShare" label={t('stats.reviewedShare')}>
          {formatPercent(reviews.reviewedShare, none)}
        </Figure>
        <Figure name="reviewsSignedOff" label={t('stats.reviewsSignedOff')}>
          {reviews.signedOff}
        </Figure>
        <Figure name="reviewsAwaiting" label={t('stats.reviewsAwaiting')}>
          {reviews.awaitingAnswer}
        </Figure>
        <Figure name="medianTimeToReview" label={t('stats.medianTimeToReview')}>
          {median === null ? none : durationText(t, median * 1000)}
        </Figure>
      </dl>
      {reviews.selected > 0 && (
        <>
          <h4>{t('stats.reviewsByReason')}</h4>
          <BlockFigures
            name="reviewsByReason"
            title={t('stats.reviewsByReason')}
            block={reviews.byReason}
            shape="bar"
          />
        </>
      )}
    </section>
  );
}
