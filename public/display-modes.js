/*
 * 长辈模式 display settings: 大字版 (large text) and 特大字 (extra-large text, one
 * setting with two steps), 高对比 (high contrast) and, with a mouse, 大鼠标 (large pointer). Loaded as a tiny classic script in <head>
 * (the CSP forbids inline script): it applies the remembered settings before the
 * first paint, so no page flashes in the wrong mode, then puts each toggle into
 * its reserved slot in the header. Plain ES5, no module. Each setting is kept in
 * localStorage on this device only and works with the others.
 */
(function () {
  var root = document.documentElement;
  var MODES = [
    { key: 'kstb-text-size', attr: 'data-text-size', on: 'large', slot: 'text-size-slot', id: 'text-size-toggle', label: '大字版' },
    /* The second text step shares 大字版's setting: turning one on turns the other off. */
    { key: 'kstb-text-size', attr: 'data-text-size', on: 'xlarge', slot: 'text-xlarge-slot', id: 'text-xlarge-toggle', label: '特大字' },
    { key: 'kstb-contrast', attr: 'data-contrast', on: 'high', slot: 'contrast-slot', id: 'contrast-toggle', label: '高对比' },
    { key: 'kstb-pointer', attr: 'data-pointer', on: 'large', slot: 'pointer-slot', id: 'pointer-toggle', label: '大鼠标' },
  ];
  var read = function (key) {
    try {
      return localStorage.getItem(key);
    } catch (e) {
      return null; /* Storage can be blocked; a toggle then lasts for this page only. */
    }
  };
  var write = function (key, value) {
    try {
      localStorage.setItem(key, value);
    } catch (e) {
      /* See above. */
    }
  };
  for (var i = 0; i < MODES.length; i++) if (read(MODES[i].key) === MODES[i].on) root.setAttribute(MODES[i].attr, MODES[i].on);
  /* Lets CSS reserve the toggles' boxes and the read-aloud control's before they exist. */
  root.setAttribute('data-modes', '');

  var syncs = [];
  var addToggle = function (mode) {
    var slot = document.getElementById(mode.slot);
    if (!slot) return;
    var button = document.createElement('button');
    button.type = 'button';
    button.id = mode.id;
    button.textContent = mode.label;
    var sync = function () {
      button.setAttribute('aria-pressed', String(root.getAttribute(mode.attr) === mode.on));
    };
    syncs.push(sync);
    sync();
    button.addEventListener('click', function () {
      var on = root.getAttribute(mode.attr) !== mode.on;
      if (on) root.setAttribute(mode.attr, mode.on);
      else root.removeAttribute(mode.attr);
      write(mode.key, on ? mode.on : 'normal');
      /* Every toggle, since 大字版 and 特大字 share one setting. */
      for (var k = 0; k < syncs.length; k++) syncs[k]();
    });
    slot.appendChild(button);
  };
  document.addEventListener('DOMContentLoaded', function () {
    for (var j = 0; j < MODES.length; j++) addToggle(MODES[j]);
  });
})();
