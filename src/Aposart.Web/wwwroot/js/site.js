// Forms that destroy something ask first; without JavaScript they submit straight away.
document.querySelectorAll('form.confirm-submit[data-confirm]').forEach(form => {
  form.addEventListener('submit', event => {
    if (!window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });
});

// A table wider or taller than its box scrolls inside it: keyboard users must be able to reach and scroll it too.
function makeScrollBoxesReachable() {
  for (const box of document.querySelectorAll('.table-responsive, .scroll-box')) {
    const scrolls = box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1;
    if (scrolls && !box.hasAttribute('tabindex')) {
      box.setAttribute('tabindex', '0');
      box.setAttribute('role', 'region');
      const caption = box.querySelector('caption')?.textContent.trim();
      box.setAttribute('aria-label', caption || 'Tableau défilant');
    } else if (!scrolls && box.getAttribute('tabindex') === '0') {
      box.removeAttribute('tabindex');
      box.removeAttribute('role');
      box.removeAttribute('aria-label');
    }
  }
}
makeScrollBoxesReachable();
window.addEventListener('resize', makeScrollBoxesReachable);
