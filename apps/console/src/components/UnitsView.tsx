import { type FormEvent, type ReactNode, useState } from 'react';
import { type HotlineSummary } from '../roster';
import { loadHotlines } from '../api';
import { useI18n } from '../i18n';
import {
  type UnitStatsReport,
  type UnitView,
  addUnit,
  grantUnitRole,
  indented,
  loadUnitCrisis,
  loadUnitMonth,
  loadUnits,
  moveHotline,
} from '../organisation';
import { useLoad } from '../use-load';

const KINDS = ['province', 'city', 'county', 'district', 'school', 'other'];

/**
 * The organisation: its units as a tree, a unit's month summed over its subtree with the part
 * of each child unit (table and bars), and its crisis overview; for an admin, the forms that
 * build the tree, move a hotline and give a role at a unit.
 */
export function UnitsView({
  accessToken,
  admin,
  month,
}: {
  accessToken: string;
  admin: boolean;
  month: string;
}) {
  const { t } = useI18n();
  const units = useLoad(async (signal) => loadUnits(accessToken, signal), [accessToken]);
  const list = units.data?.ok ? units.data.value : [];
  const [chosen, setChosen] = useState<string | null>(null);
  const [shownMonth, setShownMonth] = useState(month);
  const unitId = chosen ?? list[0]?.id ?? null;

  return (
    <section className="units" aria-labelledby="units-heading">
      <h2 id="units-heading">{t('units.heading')}</h2>
      {units.data && !units.data.ok && <p role="alert">{t('units.failed')}</p>}
      <ul className="units__tree">
        {indented(list).map(({ unit, depth }) => (
          <li key={unit.id} style={{ paddingInlineStart: `${depth * 1.5}rem` }}>
            <button
              type="button"
              className="button button--small"
              aria-pressed={unit.id === unitId}
              onClick={() => setChosen(unit.id)}
            >
              {unit.name}
            </button>{' '}
            <span className="units__kind">{t(`units.kind.${unit.kind}` as 'units.kind.city')}</span>
            {unit.hotlines.length > 0 && (
              <span className="units__hotlines">
                {' '}
                · {unit.hotlines.map((h) => h.name).join(', ')}
              </span>
            )}
            {unit.grants.length > 0 && (
              <span className="units__grants">
                {' '}
                · {unit.grants.map((g) => `${g.name} (${t(`units.role.${g.role}`)})`).join(', ')}
              </span>
            )}
          </li>
        ))}
      </ul>
      {unitId && (
        <>
          <label>
            {t('stats.month')}{' '}
            <input
              type="month"
              value={shownMonth}
              onChange={(event) => event.target.value && setShownMonth(event.target.value)}
            />
          </label>
          <UnitMonth accessToken={accessToken} unitId={unitId} month={shownMonth} />
        </>
      )}
      {admin && list.length > 0 && (
        <UnitForms accessToken={accessToken} units={list} onChanged={units.reload} />
      )}
    </section>
  );
}

function UnitMonth({
  accessToken,
  unitId,
  month,
}: {
  accessToken: string;
  unitId: string;
  month: string;
}) {
  const { t } = useI18n();
  const report = useLoad(
    async (signal) => loadUnitMonth(accessToken, unitId, month, signal),
    [accessToken, unitId, month],
  );
  const crisis = useLoad(
    async (signal) => loadUnitCrisis(accessToken, unitId, signal),
    [accessToken, unitId],
  );
  if (!report.data) return <p className="loading">{t('stats.loading')}</p>;
  if (!report.data.ok) return <p role="alert">{t('units.failed')}</p>;
  const value = report.data.value;
  return (
    <div className="units__report">
      <h3>{t('units.report', { name: value.name, month })}</h3>
      <p data-testid="unit-total">
        {t('units.total', { count: value.consultations.total, hotlines: value.hotlines })}
      </p>
      <p>
        {t('units.previous', {
          count: value.comparisons.previous.consultations,
          change: change(value.comparisons.previous.change),
        })}
        {' · '}
        {t('units.yearBefore', {
          count: value.comparisons.yearBefore.consultations,
          change: change(value.comparisons.yearBefore.change),
        })}
      </p>
      <Breakdown report={value} />
      {crisis.data?.ok && (
        <table className="table" aria-label={t('units.crisis')}>
          <caption>{t('units.crisis')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('units.part')}</th>
              <th scope="col">{t('units.openCases')}</th>
              <th scope="col">{t('units.overdue')}</th>
            </tr>
          </thead>
          <tbody>
            {crisis.data.value.rows.map((row) => (
              <tr key={row.unitId + String(row.own)}>
                <th scope="row">{row.own ? t('units.own', { name: row.name }) : row.name}</th>
                <td>{row.openCases}</td>
                <td>{row.overdueReports}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

const change = (value: number | null) =>
  value === null ? '—' : `${value > 0 ? '+' : ''}${value}%`;

/** Each child unit's consultations by channel; a suppressed cell reads "< N". */
function Breakdown({ report }: { report: UnitStatsReport }) {
  const { t } = useI18n();
  const rows = report.breakdown.rows;
  const shown = (count: number | null) =>
    count === null ? `< ${report.smallCell}*` : String(count);
  const largest = Math.max(1, ...rows.map((row) => row.consultations ?? 0));
  const channels = rows[0]?.byChannel.map((cell) => cell.channel) ?? [];
  return (
    <>
      <table className="table" data-testid="unit-breakdown">
        <caption>{t('units.breakdown')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('units.part')}</th>
            {channels.map((channel) => (
              <th scope="col" key={channel}>
                {t(`units.channel.${channel}` as 'units.channel.phone')}
              </th>
            ))}
            <th scope="col">{t('units.consultations')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.unitId + String(row.own)}>
              <th scope="row">{row.own ? t('units.own', { name: row.name }) : row.name}</th>
              {row.byChannel.map((cell) => (
                <td key={cell.channel}>{shown(cell.count)}</td>
              ))}
              <td>{shown(row.consultations)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="units__note">{t('units.suppressed', { n: report.smallCell })}</p>
      <div className="units__bars" role="img" aria-label={t('units.chart')}>
        {rows.map((row) => (
          <div key={row.unitId + String(row.own)} className="units__bar">
            <span>{row.name}</span>
            <span
              className="units__bar-fill"
              style={{ width: `${((row.consultations ?? 0) / largest) * 60}%` }}
            />
            <span>{shown(row.consultations)}</span>
          </div>
        ))}
      </div>
    </>
  );
}

/** An admin's forms: add a unit, move a hotline into a unit, give a role at a unit. */
function UnitForms({
  accessToken,
  units,
  onChanged,
}: {
  accessToken: string;
  units: UnitView[];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const hotlines = useLoad(async (signal) => loadHotlines(accessToken, signal), [accessToken]);
  const [message, setMessage] = useState<string | null>(null);
  const answered = (answer: { ok: boolean; message?: string | null }) => {
    setMessage(answer.ok ? t('units.saved') : (answer.message ?? t('units.failed')));
    if (answer.ok) onChanged();
  };
  const unitOptions = indented(units).map(({ unit, depth }) => (
    <option key={unit.id} value={unit.id}>
      {'\u00a0'.repeat(depth * 2)}
      {unit.name}
    </option>
  ));
  const hotlineList: HotlineSummary[] = hotlines.data?.ok ? hotlines.data.value : [];
  return (
    <div className="units__forms">
      <AdminForm
        title={t('units.add')}
        onSubmit={({ name, kind, parentId }) => addUnit(accessToken, { name, kind, parentId })}
        onAnswer={answered}
      >
        <input
          name="name"
          required
          maxLength={120}
          aria-label={t('units.name')}
          placeholder={t('units.name')}
        />
        <select name="kind" aria-label={t('units.kindLabel')}>
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`units.kind.${kind}` as 'units.kind.city')}
            </option>
          ))}
        </select>
        <select name="parentId" aria-label={t('units.parent')}>
          {unitOptions}
        </select>
      </AdminForm>
      <AdminForm
        title={t('units.move')}
        onSubmit={({ hotlineId, unitId }) => moveHotline(accessToken, unitId, hotlineId)}
        onAnswer={answered}
      >
        <select name="hotlineId" aria-label={t('units.hotline')}>
          {hotlineList.map((hotline) => (
            <option key={hotline.id} value={hotline.id}>
              {hotline.name}
            </option>
          ))}
        </select>
        <select name="unitId" aria-label={t('units.unit')}>
          {unitOptions}
        </select>
      </AdminForm>
      <AdminForm
        title={t('units.grant')}
        onSubmit={({ volunteerId, role, unitId }) =>
          grantUnitRole(accessToken, unitId, { volunteerId: volunteerId.trim(), role })
        }
        onAnswer={answered}
      >
        <input
          name="volunteerId"
          required
          aria-label={t('units.person')}
          placeholder={t('units.person')}
        />
        <select name="role" aria-label={t('units.roleLabel')}>
          <option value="coordinator">{t('units.role.coordinator')}</option>
          <option value="supervisor">{t('units.role.supervisor')}</option>
        </select>
        <select name="unitId" aria-label={t('units.unit')}>
          {unitOptions}
        </select>
      </AdminForm>
      {message && <p role="status">{message}</p>}
    </div>
  );
}

/** One of an admin's forms: its fields, sent as text, and the answer handed on. */
function AdminForm({
  title,
  onSubmit,
  onAnswer,
  children,
}: {
  title: string;
  onSubmit: (fields: Record<string, string>) => Promise<{ ok: boolean; message?: string | null }>;
  onAnswer: (answer: { ok: boolean; message?: string | null }) => void;
  children: ReactNode;
}) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    void onSubmit(fields).then(onAnswer);
  };
  return (
    <form aria-label={title} onSubmit={submit}>
      <h3>{title}</h3>
      {children}
      <button type="submit" className="button">
        {title}
      </button>
    </form>
  );
}
