// 题库 › 导入题库: sends the chosen file's bytes as the body of POST /bank/import (not through upload.js's
// lianbingSendFile, which reads JSON: the answer here is HTML), first as a dry run whose report
// (an HTML fragment rendered and escaped by the server) the page shows, then, on 确认导入, the same file again for
// real: the server checks it afresh and trusts nothing the page says. No inline script: the CSP allows only files
// from this server.
(function () {
  'use strict';
  var form = document.getElementById('bank-import');
  if (!form) return;
  var result = document.getElementById('bank-import-result');
  var report = document.getElementById('bank-import-report');
  var confirm = document.getElementById('bank-import-confirm');
  var status = form.querySelector('.form-status');
  var checked = null;

  function csrf() {
    var field = document.querySelector('input[name="_csrf"]');
    return field ? field.value : '';
  }

  function send(file, confirmed) {
    var query = '?name=' + encodeURIComponent(file.name) + (confirmed ? '&confirm=1' : '') +
      (form.elements.skipUnsupported.checked ? '&skipUnsupported=1' : '') + (form.elements.force.checked ? '&force=1' : '');
    return fetch('/bank/import' + query, {
      method: 'POST', credentials: 'same-origin', cache: 'no-store', body: file,
      headers: { Accept: 'text/html', 'Content-Type': 'application/octet-stream', 'X-CSRF-Token': csrf() }
    }).then(function (response) {
      if (response.status === 413) throw '文件超过上传上限。';
      return response.text().then(function (text) {
        // 422: the report lists the file's errors.
        if (!response.ok && response.status !== 422) throw '出错了（' + response.status + '），请重试。';
        return text;
      });
    }, function () { throw '网络不通，请检查网络后重试。'; });
  }

  function show(html) {
    report.innerHTML = html;
    result.hidden = false;
    var shown = report.querySelector('.import-report');
    confirm.hidden = !(shown && shown.hasAttribute('data-importable'));
  }

  form.addEventListener('change', function () { confirm.hidden = true; checked = null; });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var file = form.elements.file.files[0];
    if (!file) { status.textContent = '请选择文件。'; return; }
    status.textContent = '正在检查…';
    send(file, false).then(function (html) {
      checked = file;
      status.textContent = '';
      show(html);
    }, function (text) { status.textContent = String(text); });
  });

  confirm.addEventListener('click', function () {
    if (!checked) return;
    confirm.disabled = true;
    status.textContent = '正在导入…';
    send(checked, true).then(function (html) {
      status.textContent = '';
      show(html);
      confirm.hidden = true;
    }, function (text) { status.textContent = String(text); }).then(function () { confirm.disabled = false; });
  });
})();
