/*
 * 大字版 (large text). Loaded as a tiny classic script in <head>: it applies the
 * remembered size before the first paint (no flash of the wrong size), then adds
 * the toggle button to the header's reserved slot. Plain ES5, no module.
 */
(function () {
  var KEY = 'kstb-text-size';
  var root = document.documentElement;
  try {
    if (localStorage.getItem(KEY) === 'large') root.setAttribute('data-text-size', 'large');
  } catch (e) {
    /* Storage can be blocked; the toggle then lasts for this page only. */
  }
  document.addEventListener('DOMContentLoaded', function () {
    var slot = document.getElementById('text-size-slot');
    if (!slot) return;
    var button = document.createElement('button');
    button.type = 'button';
    button.id = 'text-size-toggle';
    button.textContent = '大字版';
    var sync = function () {
      button.setAttribute('aria-pressed', String(root.getAttribute('data-text-size') === 'large'));
    };
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
    slot.appendChild(button);
  });
})();
