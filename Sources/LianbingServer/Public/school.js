// A lesson page reports how it is read: every 15 seconds while in view, when it is hidden or shown again, and when its
// end comes into view. The server, not this script, counts the time (each gap at most 30 seconds), so the page only
// says whether it is in view, how far down the reader is, and whether the end has been seen. No inline script: the
// page's CSP allows only files from this server.
(function () {
  'use strict';
  var article = document.querySelector('article.lesson[data-progress]');
  if (!article) return;
  var id = article.getAttribute('data-lesson');
  var end = document.getElementById('lesson-end');
  var furthest = 0;
  var atEnd = false;

  function csrf() {
    var field = document.querySelector('input[name="_csrf"]');
    return field ? field.value : '';
  }

  function permille() {
    var range = document.documentElement.scrollHeight - window.innerHeight;
    return range <= 0 ? 1000 : Math.max(0, Math.min(1000, Math.round(window.scrollY / range * 1000)));
  }

  function endInView() {
    var box = end.getBoundingClientRect();
    return box.top < window.innerHeight && box.bottom >= 0;
  }

  function field(name, text) {
    var element = article.querySelector('[data-field="' + name + '"]');
    if (element) element.textContent = text;
  }

  function show(progress) {
    field('visible', String(Math.floor(progress.visibleSeconds / 60)));
    if (progress.endReachedAt) field('end', '已读到结尾');
    if (progress.completedAt) field('completed', '已完成，学时已计入“我的培训”。');
  }

  function report() {
    furthest = Math.max(furthest, permille());
    if (endInView()) atEnd = true;
    var body = JSON.stringify({ visible: document.visibilityState === 'visible', readPermille: furthest, atEnd: atEnd });
    return fetch('/api/v1/lessons/' + encodeURIComponent(id) + '/reading', {
      method: 'POST', credentials: 'same-origin', cache: 'no-store', keepalive: true,
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-CSRF-Token': csrf() }, body: body
    }).then(function (response) { return response.ok ? response.json() : null; })
      .then(function (progress) { if (progress) show(progress); }, function () { /* the next report carries the same facts */ });
  }

  setInterval(function () { if (document.visibilityState === 'visible') report(); }, 15000);
  document.addEventListener('visibilitychange', report);
  var pending = false;
  window.addEventListener('scroll', function () {
    if (atEnd || pending || !endInView()) return;
    pending = true;
    report().then(function () { pending = false; });
  }, { passive: true });

  var resume = document.getElementById('lesson-resume');
  if (resume) {
    resume.addEventListener('click', function () {
      var read = parseInt(article.getAttribute('data-read') || '0', 10);
      window.scrollTo(0, read / 1000 * (document.documentElement.scrollHeight - window.innerHeight));
    });
  }
  // A short lesson may fit the screen: its end is in view from the start.
  if (endInView()) report();
})();
