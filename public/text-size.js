/* 大字版 (large text): applied before the first paint, remembered across pages. Plain ES5, no module. */
(function () {
  var KEY = 'kstb-text-size';
  var root = document.documentElement;
  try {
    if (localStorage.getItem(KEY) === 'large') root.setAttribute('data-text-size', 'large');
  } catch (e) {
    /* Storage can be blocked; the toggle then lasts for this page only. */
  }
  document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('text-size-toggle');
    if (!button) return;
    var sync = function () {
      button.setAttribute('aria-pressed', String(root.getAttribute('data-text-size') === 'large'));
    };
    button.hidden = false;
    sync();
    button.addEventListener('click', function () {
      var large = root.getAttribute('data-text-size') !== 'large';
      if (large) root.setAttribute('data-text-size', 'large');
      else root.removeAttribute('data-text-size');
      try {
        localStorage.setItem(KEY, large ? 'large' : 'normal');
      } catch (e) {
        /* See above. */
      }
      sync();
    });
  });
})();
