// Exam management helpers (ES2017, no dependencies). The pages work without them.
(function () {
  'use strict';

  // The monitor refreshes in place while the window is open, unless someone is typing in it.
  var monitor = document.querySelector('[data-refresh]');
  if (monitor) {
    var seconds = Math.max(15, Number(monitor.getAttribute('data-refresh')) || 20);
    setInterval(async function () {
      if (document.hidden || monitor.contains(document.activeElement)) return;
      try {
        var response = await fetch(location.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } });
        if (!response.ok) return;
        var page = new DOMParser().parseFromString(await response.text(), 'text/html');
        var fresh = page.getElementById(monitor.id);
        var stamp = page.querySelector('[data-refreshed]');
        if (!fresh) return;
        monitor.innerHTML = fresh.innerHTML;
        if (stamp) document.querySelector('[data-refreshed]').textContent = stamp.textContent;
      } catch (error) { /* offline for a moment: the next tick tries again */ }
    }, seconds * 1000);
  }

  // A blueprint file chosen from disk fills the text box. Notepad may save GB18030, so UTF-8 is tried strictly first.
  var upload = document.querySelector('input[type="file"][data-into]');
  if (upload) {
    upload.closest('[hidden]').hidden = false;
    upload.addEventListener('change', async function () {
      var file = upload.files[0];
      if (!file) return;
      var bytes = await file.arrayBuffer();
      var text;
      try { text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); } catch (error) { text = new TextDecoder('gb18030').decode(bytes); }
      document.getElementById(upload.getAttribute('data-into')).value = text.replace(/^\uFEFF/, '');
      var chosen = document.getElementById(upload.getAttribute('data-choose'));
      chosen.value = '';
      chosen.dispatchEvent(new Event('change'));
    });
  }

  // The chosen shipped blueprint's table and text show, the pasted text only when no file is chosen.
  var chooser = document.getElementById('blueprint-file');
  if (chooser) {
    var showChosen = function () {
      document.querySelectorAll('[data-blueprint]').forEach(function (panel) {
        panel.hidden = panel.getAttribute('data-blueprint') !== chooser.value;
      });
    };
    chooser.addEventListener('change', showChosen);
    showChosen();
  }
})();
