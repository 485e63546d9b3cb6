// 我的证书 › 国家职业资格: records a qualification through the JSON API, then uploads the scanned certificate as the raw
// body of PUT …/scan (the server reads its kind from the first bytes and takes at most 5 MB); a row not yet accepted
// can have its scan uploaded again. No inline script: the page's CSP allows only files from this server.
(function () {
  'use strict';
  var MAX_BYTES = 5 * 1024 * 1024;
  var TYPES = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', pdf: 'application/pdf' };

  function csrf() {
    var field = document.querySelector('input[name="_csrf"]');
    return field ? field.value : '';
  }

  // Resolves to {status, data}; status 0 when the network failed.
  function send(method, url, type, body) {
    var init = { method: method, credentials: 'same-origin', cache: 'no-store',
      headers: { Accept: 'application/json', 'Content-Type': type, 'X-CSRF-Token': csrf() }, body: body };
    return fetch(url, init).then(function (response) {
      return response.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        return { status: response.status, data: data };
      });
    }, function () { return { status: 0, data: null }; });
  }

  function message(result) {
    if (result.status === 0) return '网络不通，请检查网络后重试。';
    if (result.status === 413) return '扫描件不能超过 5 MB。';
    if (result.status === 415) return '扫描件须为 JPEG、PNG 或 PDF 文件。';
    return (result.data && result.data.error && result.data.error.message) || '出错了（' + result.status + '），请重试。';
  }

  // The file's media type, from the browser or else its extension; the server checks the content itself.
  function typeOf(file) {
    if (file.type && /^(image\/jpeg|image\/png|application\/pdf)$/.test(file.type)) return file.type;
    var match = /\.([A-Za-z]+)$/.exec(file.name || '');
    return match ? TYPES[match[1].toLowerCase()] : undefined;
  }

  function fileProblem(file) {
    if (!file) return '请选择证书扫描件。';
    if (!typeOf(file)) return '扫描件须为 JPEG、PNG 或 PDF 文件。';
    if (file.size > MAX_BYTES) return '扫描件不能超过 5 MB（所选文件 ' + (file.size / 1048576).toFixed(1) + ' MB）。';
    if (file.size === 0) return '所选文件是空的。';
    return null;
  }

  function upload(id, file) {
    return send('PUT', '/api/v1/national-qualifications/' + encodeURIComponent(id) + '/scan', typeOf(file), file);
  }

  function say(form, text) {
    var status = form.querySelector('.form-status');
    if (status) status.textContent = text;
  }

  var form = document.getElementById('qualification-form');
  if (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var file = form.elements.scan.files[0];
      var problem = fileProblem(file);
      if (problem) return say(form, problem);
      var body = {
        level: form.elements.level.value, certificateNumber: form.elements.certificateNumber.value.trim(),
        issuer: form.elements.issuer.value.trim(), issuedOn: form.elements.issuedOn.value
      };
      var button = form.querySelector('button[type="submit"]');
      button.disabled = true;
      say(form, '正在登记…');
      send('POST', '/api/v1/national-qualifications', 'application/json', JSON.stringify(body)).then(function (result) {
        if (result.status !== 201 || !result.data) throw message(result);
        say(form, '正在上传扫描件…');
        return upload(result.data.id, file).then(function (uploaded) {
          if (uploaded.status !== 200) throw '已登记，但扫描件未上传：' + message(uploaded) + '请在上面的列表中重新上传。';
        });
      }).then(function () {
        window.location.reload();
      }, function (text) {
        button.disabled = false;
        say(form, String(text));
      });
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('form.scan-upload'), function (row) {
    row.addEventListener('submit', function (event) {
      event.preventDefault();
      var file = row.elements.scan.files[0];
      var problem = fileProblem(file);
      if (problem) return say(row, problem);
      say(row, '正在上传…');
      upload(row.getAttribute('data-id'), file).then(function (result) {
        if (result.status === 200) window.location.reload();
        else say(row, message(result));
      });
    });
  });
})();
