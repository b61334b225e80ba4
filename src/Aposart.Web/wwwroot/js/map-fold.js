// A map served open folds on a narrow screen, so that on a phone the results come right after the filters.
document.querySelectorAll('details[data-fold-below]').forEach(function (details) {
    if (window.matchMedia('(max-width: ' + (Number(details.dataset.foldBelow) - 0.02) + 'px)').matches) {
        details.open = false;
    }
});
