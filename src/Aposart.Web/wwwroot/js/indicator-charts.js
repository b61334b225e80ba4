// Draws each indicator's target against its actual values. The same figures are in the table beside the chart,
// which is what screen readers and people without JavaScript read.
document.querySelectorAll('canvas[data-chart]').forEach(canvas => {
  const data = JSON.parse(canvas.dataset.chart);
  const format = value => value === null || value === undefined ? '—' : value.toLocaleString('fr-FR') + (data.unit === 'Nombre' ? '' : ' ' + data.unit);
  new Chart(canvas, {
    data: {
      labels: data.labels,
      datasets: [
        { type: 'bar', label: data.actualLabel || 'Réalisé', data: data.actual, backgroundColor: '#0b4f6c' },
        { type: 'line', label: 'Cible', data: data.target, borderColor: '#a63c06', backgroundColor: '#a63c06', borderDash: [6, 4], spanGaps: true, pointStyle: 'rectRot', pointRadius: 6 },
      ].filter(set => set.data.some(value => value !== null && value !== undefined)),
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      locale: 'fr-FR',
      scales: { y: { beginAtZero: true, title: { display: true, text: data.unit } } },
      plugins: { tooltip: { callbacks: { label: item => `${item.dataset.label} : ${format(item.raw)}` } } },
    },
  });
});
