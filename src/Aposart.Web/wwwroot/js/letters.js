// The letter editor's preview, rendered by the server exactly as the mail will be (sanitised Markdown).
const preview = document.getElementById('letter-preview');
const body = document.getElementById('Input_Body');
if (preview && body) {
  const form = document.getElementById('letter-form');
  let timer;
  // Answers can come back out of order (the one sent at page load may arrive after the one for the text typed since):
  // only the answer to the latest request is shown, or a stale empty preview could stay on screen.
  let latest = 0;
  const refresh = async () => {
    const request = ++latest;
    const data = new FormData();
    data.append('body', body.value);
    data.append('__RequestVerificationToken', form.querySelector('input[name="__RequestVerificationToken"]').value);
    const response = await fetch(preview.dataset.previewUrl, { method: 'POST', body: data, credentials: 'same-origin' });
    const html = response.ok ? await response.text() : null;
    if (html !== null && request === latest) {
      preview.innerHTML = html;
    }
  };
  body.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(refresh, 400); });
  refresh();
}

// A campaign's progress, refreshed while it is being sent.
const progress = document.getElementById('letter-progress');
if (progress && progress.dataset.progressUrl) {
  const status = document.getElementById('letter-status');
  const poll = async () => {
    const response = await fetch(progress.dataset.progressUrl, { credentials: 'same-origin' });
    if (!response.ok) {
      return;
    }
    const data = await response.json();
    for (const field of ['sent', 'failed', 'pending', 'perMinute']) {
      progress.querySelector(`[data-field="${field}"]`).textContent = data[field] ?? 0;
    }
    status.textContent = data.status;
    if (!data.done) {
      setTimeout(poll, 2000);
    }
  };
  setTimeout(poll, 2000);
}
