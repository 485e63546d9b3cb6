// Initial passwords as a CSV download (ES2017). The passwords exist only in this page: the file is made here.
(function () {
  'use strict';
  var holder = document.querySelector('[data-download]');
  if (!holder) return;
  holder.hidden = false;
  holder.querySelector('button').addEventListener('click', function () {
    var text = document.getElementById(holder.getAttribute('data-download')).value;
    var link = document.createElement('a');
    // A byte-order mark, so that Excel opens the Chinese names as UTF-8.
    link.href = URL.createObjectURL(new Blob(['\uFEFF' + text], { type: 'text/csv;charset=utf-8' }));
    link.download = holder.getAttribute('data-filename');
    document.body.appendChild(link);
    link.click();
    link.remove();
  });
})();
