// Draws each dashboard table as a chart. The table beside it holds the same figures, for screen readers,
// people without JavaScript and the CSV export.
const palette = ['#0b4f6c', '#a63c06', '#2f6f3e', '#6b4c9a', '#8a6d00', '#4d5966'];
document.querySelectorAll('canvas[data-table-chart]').forEach(canvas => {
  const data = JSON.parse(canvas.dataset.tableChart);
  const stacked = data.type === 'stacked';
  new Chart(canvas, {
    type: data.type === 'line' ? 'line' : 'bar',
    data: {
      labels: data.labels,
      datasets: data.datasets.map((set, i) => ({
        label: set.label, data: set.data, backgroundColor: palette[i % palette.length], borderColor: palette[i % palette.length],
      })),
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      locale: 'fr-FR',
      indexAxis: data.labels.length > 8 && data.type !== 'line' ? 'y' : 'x',
      scales: { x: { stacked, beginAtZero: true }, y: { stacked, beginAtZero: true } },
    },
  });
});
