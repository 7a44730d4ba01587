/**
 * chart.js configurations for the statistics dashboard. Pure data (only chart.js's types are
 * imported), so the rules every chart follows — no animation, so screenshots are stable;
 * responsive within a fixed-height box, so phones get them too — are tested under plain jest.
 */
import type { ChartConfiguration } from 'chart.js';

export type DashboardChart =
  | ChartConfiguration<'bar', number[], string>
  | ChartConfiguration<'line', (number | null)[], string>
  | ChartConfiguration<'doughnut', number[], string>;

/** Calm, distinguishable colours; the console's own blue first. */
export const PALETTE = [
  '#2c6e8f',
  '#d08c2a',
  '#4f9a6a',
  '#8b5fa8',
  '#c4534b',
  '#5fa8c9',
  '#9a7b4f',
  '#6b7785',
  '#3f9c9c',
  '#b56b94',
];

const colours = (count: number) => Array.from({ length: count }, (_, i) => PALETTE[i % 10]);

/** What every chart shares: drawn once, no animation, sized by its container. */
const BASE = {
  animation: false,
  responsive: true,
  maintainAspectRatio: false,
} as const;

export interface Series {
  labels: string[];
  counts: number[];
}

/** Shares of a whole (consultations by channel). */
export function doughnutChart(series: Series): DashboardChart {
  return {
    type: 'doughnut',
    data: {
      labels: series.labels,
      datasets: [
        {
          data: series.counts,
          backgroundColor: colours(series.counts.length),
          borderColor: '#ffffff',
          borderWidth: 2,
        },
      ],
    },
    options: {
      ...BASE,
      plugins: { legend: { position: 'bottom' } },
    },
  };
}

/** Counts by category; horizontal when the labels are long (topics). */
export function barChart(
  series: Series,
  { name, horizontal = false }: { name: string; horizontal?: boolean },
): DashboardChart {
  const countAxis = { beginAtZero: true, ticks: { precision: 0 } };
  return {
    type: 'bar',
    data: {
      labels: series.labels,
      datasets: [
        {
          label: name,
          data: series.counts,
          backgroundColor: horizontal ? PALETTE[0] : colours(series.counts.length),
          borderRadius: 4,
          maxBarThickness: 48,
        },
      ],
    },
    options: {
      ...BASE,
      indexAxis: horizontal ? 'y' : 'x',
      plugins: { legend: { display: false } },
      scales: horizontal ? { x: countAxis } : { y: countAxis },
    },
  };
}

/** Twelve months: consultations (left axis) and the service level in percent (right axis). */
export function trendChart(trend: {
  months: string[];
  consultations: number[];
  serviceLevel: (number | null)[];
  consultationsLabel: string;
  serviceLevelLabel: string;
}): DashboardChart {
  return {
    type: 'line',
    data: {
      labels: trend.months,
      datasets: [
        {
          label: trend.consultationsLabel,
          data: trend.consultations,
          yAxisID: 'count',
          borderColor: PALETTE[0],
          backgroundColor: PALETTE[0],
          tension: 0.2,
        },
        {
          label: trend.serviceLevelLabel,
          data: trend.serviceLevel,
          yAxisID: 'percent',
          borderColor: PALETTE[1],
          backgroundColor: PALETTE[1],
          borderDash: [6, 4],
          tension: 0.2,
        },
      ],
    },
    options: {
      ...BASE,
      plugins: { legend: { position: 'bottom' } },
      scales: {
        count: { type: 'linear', position: 'left', beginAtZero: true, ticks: { precision: 0 } },
        percent: {
          type: 'linear',
          position: 'right',
          min: 0,
          max: 100,
          grid: { drawOnChartArea: false },
          ticks: { callback: (value) => `${value}%` },
        },
      },
    },
  };
}

/** Height of a horizontal bar chart: room for each bar, within limits. */
export function horizontalHeight(rows: number): number {
  return Math.min(560, Math.max(160, 40 + rows * 34));
}
