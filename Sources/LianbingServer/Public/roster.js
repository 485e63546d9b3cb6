// The roster upload (/staff/import): the chosen file goes to the import route as a dry run first; its report (who
// would be added or changed, or every error with its line or cell) is shown, and only the confirm button imports the
// same file for real. Sending and showing the answer are upload.js's.
(function () {
  'use strict';
  var form = document.getElementById('roster-upload');
  if (!form) return;
  var input = document.getElementById('roster-file');
  var report = document.getElementById('roster-report');
  var confirm = document.getElementById('roster-confirm');

  function show(lines, ok) { window.lianbingReport(report, lines, ok); }

  function summary(data) {
    var head = (data.dryRun ? '试运行（未写入）：将新增 ' : '已导入：新增 ') + data.inserted + ' 人，' +
      '修改 ' + data.updated + ' 人，未变 ' + data.unchanged + ' 人。';
    return [head].concat(data.changes.map(function (change) {
      return (change.isNew ? '新增 ' : '修改 ') + change.number + ' ' + change.name + (change.detail ? '：' + change.detail : '');
    }));
  }

  function send(dryRun) {
    var file = input.files[0];
    if (!file) { show(['请先选择花名册文件。']); return; }
    confirm.hidden = true;
    window.lianbingSendFile('/api/v1/staff/import' + (dryRun ? '?dry_run=1' : ''), file).then(function (result) {
      if (result.message) { show(result.message.split('\n')); return; }
      if (dryRun) {
        show(summary(result.data), true);
        confirm.hidden = result.data.inserted + result.data.updated === 0;
      } else {
        location.assign('/staff?imported=' + encodeURIComponent('新增 ' + result.data.inserted + ' 人，修改 ' + result.data.updated + ' 人'));
      }
    });
  }

  form.addEventListener('submit', function (event) { event.preventDefault(); send(true); });
  input.addEventListener('change', function () { confirm.hidden = true; report.hidden = true; });
  confirm.addEventListener('click', function () { send(false); });
})();
