import { useId } from 'react';
import { useI18n } from '../i18n';
import { type Coverage, type CoverageGap, formatHours, formatShare } from '../roster';

/**
 * For coordinators, supervisors and admins, above the roster: needed against covered
 * person-hours, the gap score, and each gap, linked to its shift in the grid.
 */
export function CoverageSummary({
  coverage,
  shiftName,
}: {
  coverage: Coverage;
  /** How the grid names a shift (day and times), for the gap list. */
  shiftName: (gap: CoverageGap) => string;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <section
      className="card roster-coverage"
      aria-labelledby={`${id}-heading`}
      data-coverage={coverage.from}
    >
      <h3 id={`${id}-heading`}>{t('roster.coverage')}</h3>
      <dl className="figures" aria-describedby={`${id}-hint`}>
        <div>
          <dt>{t('roster.neededHours')}</dt>
          <dd data-figure="neededPersonHours">{formatHours(coverage.neededPersonHours)}</dd>
        </div>
        <div>
          <dt>{t('roster.coveredHours')}</dt>
          <dd data-figure="coveredPersonHours">{formatHours(coverage.coveredPersonHours)}</dd>
        </div>
        <div>
          <dt>{t('roster.gapScore')}</dt>
          <dd
            data-figure="gapScore"
            className={
              coverage.gapScore !== null && coverage.gapScore > 0
                ? 'roster-coverage__score--gap'
                : undefined
            }
          >
            {formatShare(coverage.gapScore)}
          </dd>
        </div>
      </dl>
      <p id={`${id}-hint`} className="hint">
        {t('roster.gapScoreHint')}
      </p>
      <h4 className="roster-coverage__gaps-heading">
        {t('roster.gaps')} <span className="count">{coverage.gaps.length}</span>
      </h4>
      {coverage.gaps.length === 0 ? (
        <p className="hint" data-gaps="none">
          {t('roster.noGaps')}
        </p>
      ) : (
        <ul className="roster-gaps">
          {coverage.gaps.map((gap) => (
            <li
              key={`${gap.shiftId}-${gap.slot}`}
              data-gap-shift={gap.shiftId}
              data-slot={gap.slot}
            >
              <a href={`#shift-${gap.shiftId}`}>{shiftName(gap)}</a>{' '}
              <span className="roster-gaps__missing">
                {t(
                  gap.slot === 'supervisor'
                    ? 'roster.missingSupervisors'
                    : 'roster.missingVolunteers',
                  {
                    count: gap.missing,
                  },
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
