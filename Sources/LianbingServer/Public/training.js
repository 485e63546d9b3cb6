// Training page helpers (ES2017, no dependencies). Every page works without them.
(function () {
  'use strict';

  // The 业务培训 box follows the kind chosen, until changed by hand; the server reads the kind it was set for.
  var kind = document.querySelector('[data-business-kind]');
  var box = document.querySelector('[data-business-box]');
  var basis = document.querySelector('[data-business-basis]');
  if (kind && box && basis) {
    kind.addEventListener('change', function () {
      var option = kind.options[kind.selectedIndex];
      box.checked = option.getAttribute('data-business') === '1';
      basis.value = kind.value;
    });
  }

  // The attendance list narrows as one types, without a round trip.
  var filter = document.querySelector('input[data-filter]');
  if (filter) {
    var list = document.getElementById(filter.getAttribute('data-filter'));
    filter.addEventListener('input', function () {
      var words = filter.value.trim().toLowerCase();
      var items = list ? list.querySelectorAll('li[data-search]') : [];
      for (var i = 0; i < items.length; i++) {
        items[i].hidden = words !== '' && items[i].getAttribute('data-search').toLowerCase().indexOf(words) < 0;
      }
    });
  }

  // An attendance file chosen from disk fills the text box. Excel may save GB18030, so UTF-8 is tried strictly first.
  var upload = document.querySelector('input[type="file"][data-into]');
  if (upload) {
    var holder = upload.closest('[data-upload]');
    if (holder) holder.hidden = false;
    upload.addEventListener('change', async function () {
      var file = upload.files[0];
      if (!file) return;
      var bytes = await file.arrayBuffer();
      var text;
      try { text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); } catch (error) { text = new TextDecoder('gb18030').decode(bytes); }
      document.getElementById(upload.getAttribute('data-into')).value = text.replace(/^\uFEFF/, '');
    });
  }

  // The sign-in screen counts down to the next code; the page reloads itself then (meta refresh).
  var countdown = document.querySelector('[data-countdown]');
  if (countdown) {
    var left = Number(countdown.getAttribute('data-countdown')) || 0;
    setInterval(function () {
      left = Math.max(0, left - 1);
      countdown.textContent = String(left);
    }, 1000);
  }
})();
