import { useEffect, useRef } from 'react';
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  DoughnutController,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from 'chart.js';
import type { DashboardChart } from '../chart-config';

// Only what the dashboard draws, so the bundle carries no other chart types.
Chart.register(
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  DoughnutController,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
);
Chart.defaults.font.size = 14;
Chart.defaults.color = '#1d2733';

/**
 * One chart.js chart in a <canvas>: made when the configuration arrives, destroyed when it
 * changes or the component goes. The box has a fixed height; the chart fills its width.
 * Callers memoise `config`: a new object redraws the chart.
 */
export function ChartCanvas({
  name,
  label,
  config,
  height = 260,
}: {
  /** `data-chart`: which block the chart shows. */
  name: string;
  /** What the chart shows, for screen readers (the table beside it has the numbers). */
  label: string;
  config: DashboardChart;
  height?: number;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    if (!canvas.current) return;
    // The page's own font (Chinese included), read once the style sheet applies.
    Chart.defaults.font.family = getComputedStyle(canvas.current).fontFamily;
    const chart = new Chart(canvas.current, config as ChartConfiguration);
    return () => chart.destroy();
  }, [config]);

  return (
    <div className="chart" style={{ height }}>
      <canvas ref={canvas} data-chart={name} role="img" aria-label={label} />
    </div>
  );
}
