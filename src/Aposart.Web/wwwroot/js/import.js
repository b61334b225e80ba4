// The invitations of an import, counted while the outbox sends them.
const progress = document.getElementById('import-progress');
if (progress && progress.dataset.progressUrl) {
  const bar = document.getElementById('import-progress-bar');
  const poll = async () => {
    const response = await fetch(progress.dataset.progressUrl, { credentials: 'same-origin' });
    if (!response.ok) {
      return;
    }
    const data = await response.json();
    for (const field of ['sent', 'invited', 'pending', 'failed', 'claimed']) {
      progress.querySelector(`[data-field="${field}"]`).textContent = data[field] ?? 0;
    }
    if (bar) {
      bar.value = (data.sent ?? 0) + (data.failed ?? 0);
    }
    if (!data.done) {
      setTimeout(poll, 2000);
    }
  };
  setTimeout(poll, 2000);
}
