/* Filters (search, library, procedure catalogue) sit in a closed <details> so that on a
   phone the results come first; on a wide screen, where they are a sidebar, open them. */
(function () {
  if (!window.matchMedia || !window.matchMedia("(min-width: 48rem)").matches) return;
  document.querySelectorAll("details.filter-panel").forEach(function (panel) {
    panel.open = true;
  });
})();
