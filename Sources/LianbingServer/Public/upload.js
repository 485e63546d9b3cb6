// Sends a chosen file's bytes unchanged to a route that reads them itself (imports read CSV or .xlsx by their bytes).
// Use: add "upload.js" to the page's scripts, then either mark a form
//   <form … data-upload="/api/v1/…/import" data-done="/page?done=imported&n={inserted}"> holding
//   <label hidden>…<input type="file" accept=".csv,.xlsx" data-file></label> (inputs with data-query="name" go along as
//   query parameters), or call window.lianbingSendFile(url, file[, type]) → Promise of {status, data, message} and
//   show an answer with window.lianbingReport(box, lines, ok).
// A form without a chosen file submits as usual (pasted CSV). No inline script: the CSP allows only this server's files.
(function () {
  'use strict';
  var XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

  function csrf() {
    var field = document.querySelector('input[name="_csrf"]');
    return field ? field.value : '';
  }

  // Excel's column letters for a 0-based column: 0 → A, 26 → AA.
  function columnName(index) {
    var name = '';
    for (var n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + (n - 1) % 26) + name;
    return name;
  }

  // As the server words an import issue (ImportIssue.description): 考勤表 考勤!A2: … for a cell, 考勤表:3: … for a line.
  function issueText(issue) {
    if (issue.sheet) {
      var place = issue.sheet;
      if (issue.line > 0) place += '!' + (issue.column != null ? columnName(issue.column) + issue.line : issue.line + ':' + issue.line);
      return issue.file + ' ' + place + ': ' + issue.reason;
    }
    return issue.line > 0 ? issue.file + ':' + issue.line + ': ' + issue.reason : issue.file + ': ' + issue.reason;
  }

  // What went wrong, in the server's words when it gave any (the 413 names the limit), else null.
  function problem(status, data) {
    if (status >= 200 && status < 300) return null;
    if (status === 0) return '网络不通或连接中断，请检查网络后重试。';
    var error = data && data.error;
    var text = (error && error.message) || '出错了（' + status + '），请重试。';
    if (error && error.issues) text += '\n' + error.issues.map(issueText).join('\n');
    return text;
  }

  // The shared "send this file": a .xlsx goes as a workbook, anything else as CSV unless `type` says otherwise.
  function send(url, file, type) {
    var contentType = type || (/\.xlsx$/i.test(file.name || '') ? XLSX : 'text/csv');
    return fetch(url, {
      method: 'POST', credentials: 'same-origin', cache: 'no-store', body: file,
      headers: { Accept: 'application/json', 'Content-Type': contentType, 'X-CSRF-Token': csrf() }
    }).then(function (response) {
      return response.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        return { status: response.status, data: data, message: problem(response.status, data) };
      });
    }, function () { return { status: 0, data: null, message: problem(0, null) }; });
  }
  window.lianbingSendFile = send;

  // Fills `box` with a lead line and the lines after it as a list (an import's issues, a dry run's changes).
  function report(box, lines, ok) {
    box.className = ok ? 'success' : 'alert';
    box.setAttribute('role', ok ? 'status' : 'alert');
    box.textContent = '';
    var lead = document.createElement('p');
    lead.textContent = lines[0];
    box.appendChild(lead);
    if (lines.length > 1) {
      var list = document.createElement('ul');
      list.className = 'plain issues';
      lines.slice(1).forEach(function (line) {
        var item = document.createElement('li');
        item.textContent = line;
        list.appendChild(item);
      });
      box.appendChild(list);
    }
    box.hidden = false;
  }
  window.lianbingReport = report;

  function show(form, message, ok) {
    var box = form.querySelector('[data-upload-result]');
    if (!box) {
      box = document.createElement('div');
      box.setAttribute('data-upload-result', '');
      form.insertBefore(box, form.firstChild);
    }
    report(box, message.split('\n'), ok);
  }

  // data-done's {name} placeholders take the route's answer, so the page reloads showing what was imported.
  function doneURL(template, data) {
    return template.replace(/\{(\w+)\}/g, function (all, key) {
      return data && data[key] != null ? encodeURIComponent(String(data[key])) : '';
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('form[data-upload]'), function (form) {
    var input = form.querySelector('input[type="file"][data-file]');
    if (!input) return;
    var holder = input.closest('[hidden]');
    if (holder) holder.hidden = false;
    form.addEventListener('submit', function (event) {
      var file = input.files[0];
      if (!file || event.defaultPrevented) return;
      event.preventDefault();
      var query = [];
      Array.prototype.forEach.call(form.querySelectorAll('[data-query]'), function (field) {
        var value = field.value.trim();
        if (value) query.push(encodeURIComponent(field.getAttribute('data-query')) + '=' + encodeURIComponent(value));
      });
      var url = form.getAttribute('data-upload') + (query.length ? '?' + query.join('&') : '');
      var buttons = form.querySelectorAll('button[type="submit"]');
      Array.prototype.forEach.call(buttons, function (button) { button.disabled = true; });
      send(url, file).then(function (result) {
        Array.prototype.forEach.call(buttons, function (button) { button.disabled = false; });
        if (result.message) return show(form, result.message);
        var done = form.getAttribute('data-done');
        if (done) location.assign(doneURL(done, result.data));
        else show(form, '已导入。', true);
      });
    });
  });
})();
