// Forms that destroy something ask first; without JavaScript they submit straight away.
document.querySelectorAll('form.confirm-submit[data-confirm]').forEach(form => {
  form.addEventListener('submit', event => {
    if (!window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });
});
