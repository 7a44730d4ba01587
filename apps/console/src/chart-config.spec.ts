import { barChart, doughnutChart, horizontalHeight, trendChart } from './chart-config';

const series = { labels: ['Face-to-face', 'Online'], counts: [3, 2] };

describe('the dashboard charts', () => {
  it('never animate and fill their fixed-height box, whatever their kind', () => {
    const charts = [
      doughnutChart(series),
      barChart(series, { name: 'Caller' }),
      barChart(series, { name: 'Topic', horizontal: true }),
      trendChart({
        months: ['2026-10', '2026-11'],
        consultations: [0, 5],
        serviceLevel: [null, 100],
        consultationsLabel: 'Consultations',
        serviceLevelLabel: 'Service level (%)',
      }),
    ];
    for (const chart of charts)
      expect(chart.options).toMatchObject({
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
      });
  });

  it('draws the counts it is given, under their labels', () => {
    const doughnut = doughnutChart(series);
    expect(doughnut.data.labels).toEqual(['Face-to-face', 'Online']);
    expect(doughnut.data.datasets[0].data).toEqual([3, 2]);
  });

  it('lays topic bars down, and counts in whole numbers', () => {
    const horizontal = barChart(series, { name: 'Topic', horizontal: true });
    expect(horizontal.options).toMatchObject({
      indexAxis: 'y',
      scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
    });
    expect(barChart(series, { name: 'Caller' }).options).toMatchObject({ indexAxis: 'x' });
  });

  it('puts the service level on its own axis, 0 to 100', () => {
    const trend = trendChart({
      months: ['2026-11'],
      consultations: [5],
      serviceLevel: [80],
      consultationsLabel: 'Consultations',
      serviceLevelLabel: 'Service level (%)',
    });
    expect(trend.data.datasets).toMatchObject([{ yAxisID: 'count' }, { yAxisID: 'percent' }]);
    expect(trend.options?.scales?.percent).toMatchObject({ min: 0, max: 100 });
  });

  it('gives horizontal bars room by their number, within limits', () => {
    expect(horizontalHeight(1)).toBe(160);
    expect(horizontalHeight(10)).toBe(380);
    expect(horizontalHeight(50)).toBe(560);
  });
});
