// A self-test: one question at a time, its key and explanation shown as soon as it is answered. Feedback needs
// the server, so an answer that cannot be sent stays on screen to send again; nothing is marked locally.
(function () {
  'use strict';

  var root = document.getElementById('practice');
  if (!root) return;

  var Q = window.LianbingQuestion;
  var attempt = JSON.parse(root.getAttribute('data-attempt'));
  var items = attempt.items;
  // Position → links to the lessons of that question's knowledge points, shown under a wrong answer's feedback.
  var lessons = JSON.parse(root.getAttribute('data-lessons') || '{}');
  var ui = {};
  ['progress', 'heading', 'answer', 'error', 'feedback', 'prev', 'check', 'next'].forEach(function (name) {
    ui[name] = document.getElementById('practice-' + name);
  });
  var drafts = {};   // position → response being composed, kept while moving between questions
  var current = 0;
  var form = null;
  var sending = false;

  ui.prev.addEventListener('click', function () { if (current > 0) go(current - 1); });
  ui.next.addEventListener('click', function () {
    if (current < items.length - 1) go(current + 1);
    else location.reload();
  });
  ui.check.addEventListener('click', check);
  go(firstOpen());
  root.setAttribute('data-ready', '1');
  if (performance.mark) performance.mark('lianbing-ready');

  function firstOpen() {
    for (var i = 0; i < items.length; i++) if (!items[i].feedback) return i;
    return 0;
  }

  function paintProgress() {
    var answered = items.filter(function (item) { return item.feedback; });
    var right = answered.filter(function (item) { return item.feedback.correct === true; }).length;
    ui.progress.textContent = '已答 ' + answered.length + ' / ' + items.length + ' 题 · 答对 ' + right + ' 题';
    return answered.length === items.length;
  }

  function go(index, keepFocus) {
    current = index;
    var item = items[index];
    ui.heading.textContent = '第 ' + (index + 1) + ' 题 / 共 ' + items.length + ' 题 ';
    ui.heading.appendChild(Q.el('span', 'tag', Q.kindLabel(item.kind)));
    var shown = item.feedback ? item.response : drafts[index];
    form = Q.render(item, shown || null, function (response) { drafts[index] = response; ui.error.hidden = true; });
    ui.answer.textContent = '';
    ui.answer.appendChild(form);
    ui.error.hidden = true;
    showFeedback(item);
    ui.prev.disabled = index === 0;
    var done = paintProgress();
    ui.next.textContent = index < items.length - 1 ? '下一题' : (done ? '查看结果' : '下一题');
    ui.next.disabled = index === items.length - 1 && !done;
    if (!keepFocus) ui.heading.focus();
  }

  function showFeedback(item) {
    ui.feedback.textContent = '';
    ui.check.hidden = !!item.feedback;
    form.disabled = !!item.feedback;
    if (!item.feedback) return;
    var feedback = item.feedback;
    Q.showKey(item, form, feedback.key);
    var kind = feedback.correct === true ? 'right' : feedback.correct === false ? 'wrong' : 'neutral';
    var box = Q.el('div', 'feedback ' + kind);
    box.appendChild(Q.el('p', 'verdict', kind === 'right' ? '✓ 回答正确' : kind === 'wrong' ? '✗ 回答错误，已收入错题本' : '请对照参考答案自查'));
    box.appendChild(Q.el('p', '', (item.kind === 'short' ? '参考答案：' : '正确答案：') + feedback.key));
    if (feedback.scoringPoints && feedback.scoringPoints.length) {
      box.appendChild(Q.el('p', '', '评分要点：'));
      var list = Q.el('ul');
      feedback.scoringPoints.forEach(function (point) { list.appendChild(Q.el('li', '', point)); });
      box.appendChild(list);
    }
    if (feedback.explanation) box.appendChild(Q.el('p', '', '解析：' + feedback.explanation));
    var links = kind === 'wrong' ? lessons[item.position] || [] : [];
    if (links.length) {
      var line = Q.el('p', 'lesson-links', '相关微课：');
      links.forEach(function (link) {
        var anchor = Q.el('a', '', link.label);
        anchor.href = link.href;
        line.appendChild(anchor);
        line.appendChild(document.createTextNode(' '));
      });
      box.appendChild(line);
    }
    ui.feedback.appendChild(box);
  }

  async function check() {
    if (sending) return;
    var item = items[current];
    var response = Q.read(item, form);
    if (!Q.isAnswered(response)) {
      ui.error.textContent = '请先作答，再提交本题。';
      ui.error.hidden = false;
      return;
    }
    sending = true;
    ui.check.disabled = true;
    var position = current;
    var result = await Q.call('POST', '/api/v1/my/self-tests/' + attempt.id + '/answers/' + position, { response: response });
    sending = false;
    ui.check.disabled = false;
    if (result.status === 200) {
      item.response = response;
      item.feedback = result.data;
      if (position === current) go(position, true);
      ui.feedback.focus();
      return;
    }
    if (result.status === 409) {
      // Answered already (another tab) or finished: the server's copy is the truth.
      var fresh = await Q.call('GET', '/api/v1/my/attempts/' + attempt.id);
      if (fresh.status === 200 && fresh.data.state === 'in-progress') {
        items = attempt.items = fresh.data.items;
        go(position, true);
        return;
      }
      location.reload();
      return;
    }
    ui.error.textContent = result.status === 0 ? '网络不通，答案未提交。请检查网络后再点“提交本题”。' : Q.errorMessage(result);
    ui.error.hidden = false;
  }
})();
