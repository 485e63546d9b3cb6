// Taking a centralised assessment. Every answer is saved as it changes, and none is lost to a dropped
// connection, a reload, a closed tab, another device or a second tab: an answer waits in localStorage, keyed by
// attempt and position, until the server has it. The server owns the clock: the countdown runs from its
// `deadline − serverTime` on this page's monotonic clock (performance.now), never from the device's time of day.
// While the attempt is in progress the page asks before it is left; sw.js keeps a copy of it for reloading offline.
(function () {
  'use strict';

  var store = openStorage();
  var finished = document.querySelector('[data-finished-attempt]');
  if (finished) forget(finished.getAttribute('data-finished-attempt'));

  var root = document.getElementById('take');
  if (!root) return;

  var Q = window.LianbingQuestion;
  var attempt = JSON.parse(root.getAttribute('data-attempt'));
  var items = attempt.items;
  var base = '/api/v1/my/attempts/' + attempt.id;
  var keys = storageKeys(attempt.id);
  var ui = {};
  ['timer', 'state', 'submit', 'banner', 'heading', 'answer', 'prev', 'next', 'flag', 'grid', 'counts', 'dialog',
    'dialog-body', 'dialog-error', 'cancel', 'confirm'].forEach(function (name) {
    ui[name.replace(/-(\w)/, function (_, c) { return c.toUpperCase(); })] = document.getElementById('take-' + name);
  });

  var clock = adoptClock(attempt, navigationReceived());
  var answers = items.map(function (item) { return item.response || null; });
  var stale = fromCopy() && restoreCopy(load(keys.copy, null));
  var leaving = false;    // submitted, or the candidate agreed to leave: no more asking
  var acknowledged = 0;   // answers the server has taken: a view asked for before the latest one is older than them
  var flags = load(keys.flags, []);
  var typing = {};        // position → timer of a text answer still being typed
  var offline = false;    // the last request could not reach the server
  var locked = false;     // time is up or the attempt is closed: no more input
  var settling = false;
  var draining = null;
  var hiddenSince = null;
  var bannerReason = null;
  var lastFocus = null;
  var warned = false;
  var current = 0;
  var form = null;

  mergeLocal(load(keys.queue, {}));
  remember();
  keepOffline();
  buildGrid();
  var saved = load(keys.position, null);
  go(typeof saved === 'number' && saved >= 0 && saved < items.length ? saved : firstUnanswered(), false);
  ui.submit.disabled = false;
  tick();
  setInterval(tick, 500);
  showState();
  flush();
  wire();
  root.setAttribute('data-ready', '1');
  if (performance.mark) performance.mark('lianbing-ready');

  // ---- storage: survives reloads and closed tabs; an in-memory stand-in where the browser refuses it ----

  function openStorage() {
    try {
      window.localStorage.setItem('lb.probe', '1');
      window.localStorage.removeItem('lb.probe');
      return window.localStorage;
    } catch (e) {
      var memory = {};
      return {
        getItem: function (key) { return key in memory ? memory[key] : null; },
        setItem: function (key, value) { memory[key] = String(value); },
        removeItem: function (key) { delete memory[key]; }
      };
    }
  }

  function storageKeys(id) {
    var prefix = 'lb.take.' + id + '.';
    return { queue: prefix + 'queue', flags: prefix + 'flags', hidden: prefix + 'hidden', position: prefix + 'position', copy: prefix + 'copy' };
  }

  function load(key, fallback) {
    try {
      var text = store.getItem(key);
      return text ? JSON.parse(text) : fallback;
    } catch (e) { return fallback; }
  }

  function save(key, value) {
    try { store.setItem(key, JSON.stringify(value)); } catch (e) { /* full or refused: the server copy remains */ }
  }

  function forget(id) {
    var k = storageKeys(id);
    Object.keys(k).forEach(function (name) { try { store.removeItem(k[name]); } catch (e) { /* nothing kept */ } });
  }

  function pendingCount() { return Object.keys(load(keys.queue, {})).length; }

  // What this device last knew: every answer and the server's time then. On a page from sw.js's offline copy of an
  // earlier load, these stand in for its answers and clock (the device's clock counting only the time since) until
  // the server answers again, within seconds once it can.
  function remember() {
    save(keys.copy, { serverTime: clock.server + performance.now() - clock.at, deviceTime: Date.now(), answers: answers });
  }

  function fromCopy() {
    var entry = performance.getEntriesByType ? performance.getEntriesByType('navigation')[0] : null;
    return !!entry && (entry.serverTiming || []).some(function (timing) { return timing.name === 'offline-copy'; });
  }

  function restoreCopy(copy) {
    if (!copy || !copy.answers || copy.answers.length !== items.length) return false;
    answers = copy.answers;
    clock.server = copy.serverTime + Math.max(0, Date.now() - copy.deviceTime);
    return true;
  }

  // Only where the browser allows service workers (HTTPS, or this machine); elsewhere a reload needs the network.
  function keepOffline() {
    if (!('serviceWorker' in navigator)) return;
    var controlled = !!navigator.serviceWorker.controller;
    navigator.serviceWorker.register('/sw.js', { scope: '/my/attempts/' })
      .then(function () { return navigator.serviceWorker.ready; })
      .then(function (registration) { if (!controlled) registration.active.postMessage({ keep: location.pathname }); })
      .catch(function () { /* no offline copy: the page works as before */ });
  }

  // Local answers not yet on the server are newer than the server's: the candidate gave them after.
  function mergeLocal(queue) {
    Object.keys(queue).forEach(function (position) { answers[Number(position)] = queue[position]; });
  }

  // ---- the clock ----

  // The moment the page's bytes arrived, on the monotonic clock, matching the server time written into them.
  function navigationReceived() {
    var entries = performance.getEntriesByType ? performance.getEntriesByType('navigation') : [];
    return entries.length && entries[0].responseStart > 0 ? entries[0].responseStart : performance.now();
  }

  function adoptClock(view, receivedAt) {
    return { deadline: Date.parse(view.deadline), server: Date.parse(view.serverTime), at: receivedAt };
  }

  function remaining() { return clock.deadline - clock.server - (performance.now() - clock.at); }

  function clockText(seconds) {
    var h = Math.floor(seconds / 3600), m = Math.floor(seconds % 3600 / 60), s = seconds % 60;
    var two = function (n) { return (n < 10 ? '0' : '') + n; };
    return (h ? h + ':' + two(m) : two(m)) + ':' + two(s);
  }

  function tick() {
    var ms = remaining();
    if (ms <= 0) {
      ui.timer.textContent = '时间到';
      if (!locked) {
        lock('作答时间已到，不能再修改答案。系统已自动交卷，正在确认…');
        setTimeout(settle, 1500);
      }
      return;
    }
    var seconds = Math.ceil(ms / 1000);
    ui.timer.textContent = '剩余 ' + clockText(seconds);
    ui.timer.classList.toggle('warn', seconds <= 300);
    if (seconds <= 300 && !warned && !locked) {
      warned = true;
      banner('还剩不到 5 分钟，请抓紧作答。时间到后系统自动交卷。', 'notice', 'warn');
    }
  }

  // ---- drawing ----

  function buildGrid() {
    var fragment = document.createDocumentFragment();
    items.forEach(function (item, index) {
      var li = document.createElement('li');
      var button = Q.el('button', '', String(index + 1));
      button.type = 'button';
      button.setAttribute('data-position', String(index));
      li.appendChild(button);
      fragment.appendChild(li);
    });
    ui.grid.appendChild(fragment);
    items.forEach(function (item, index) { paintButton(index); });
    paintCounts();
  }

  function paintButton(index) {
    var button = ui.grid.children[index].firstChild;
    var answered = Q.isAnswered(answers[index]);
    var flagged = flags.indexOf(index) >= 0;
    button.className = (answered ? 'answered' : '') + (flagged ? ' flagged' : '');
    button.setAttribute('aria-label', '第 ' + (index + 1) + ' 题，' + (answered ? '已答' : '未答') + (flagged ? '，标记待查' : ''));
    if (index === current) button.setAttribute('aria-current', 'step');
    else button.removeAttribute('aria-current');
  }

  function paintCounts() {
    var done = answers.filter(Q.isAnswered).length;
    ui.counts.textContent = '已答 ' + done + ' / ' + items.length + ' 题' + (flags.length ? ' · 待查 ' + flags.length + ' 题' : '');
  }

  function paintFlag() { ui.flag.setAttribute('aria-pressed', flags.indexOf(current) >= 0 ? 'true' : 'false'); }

  function firstUnanswered() {
    for (var i = 0; i < answers.length; i++) if (!Q.isAnswered(answers[i])) return i;
    return 0;
  }

  function go(index, focus) {
    var previous = current;
    current = index;
    save(keys.position, index);
    var item = items[index];
    ui.heading.textContent = '第 ' + (index + 1) + ' 题 / 共 ' + items.length + ' 题 ';
    ui.heading.appendChild(Q.el('span', 'tag', Q.kindLabel(item.kind)));
    ui.heading.appendChild(Q.el('span', 'tag', Q.points(item.points) + ' 分'));
    form = Q.render(item, answers[index], function (response, isText) { answer(index, response, isText); });
    form.disabled = locked;
    ui.answer.textContent = '';
    ui.answer.appendChild(form);
    ui.prev.disabled = index === 0;
    ui.next.disabled = index === items.length - 1;
    paintFlag();
    paintButton(previous);
    paintButton(index);
    if (focus) ui.heading.focus();
  }

  function banner(text, kind, reason) {
    bannerReason = text ? reason : null;
    ui.banner.hidden = !text;
    ui.banner.className = kind || 'alert';
    ui.banner.textContent = text || '';
  }

  function showState() {
    if (locked) { ui.state.textContent = ''; return; }
    var pending = pendingCount();
    var text = '✓ 已保存', kind = 'saved';
    if (pending && offline) { text = '离线 · ' + pending + ' 题未保存'; kind = 'offline'; }
    else if (pending) { text = '保存中…'; kind = 'saving'; }
    ui.state.textContent = text;
    ui.state.className = 'save-state ' + kind;
  }

  function setOffline(value) {
    offline = value;
    if (value && !locked) banner('网络中断：答案先保存在本机，恢复网络后自动保存到服务器。可以继续作答。', 'notice', 'offline');
    else if (!value && bannerReason === 'offline') banner(null);
    showState();
  }

  // ---- answering and saving ----

  function answer(position, response, isText) {
    if (locked) return;
    answers[position] = response;
    var queue = load(keys.queue, {});
    queue[position] = response;
    save(keys.queue, queue);
    remember();
    paintButton(position);
    paintCounts();
    clearTimeout(typing[position]);
    delete typing[position];
    if (isText) typing[position] = setTimeout(function () { delete typing[position]; flush(); }, 800);
    else flush();
    showState();
  }

  // Text still being typed goes now: the page is about to be hidden, or submitted.
  function sendTyping() {
    Object.keys(typing).forEach(function (position) { clearTimeout(typing[position]); });
    typing = {};
    return flush();
  }

  // One request at a time, so a position's answers reach the server in the order they were given.
  function flush() {
    if (!draining) draining = drain().then(function () { draining = null; showState(); });
    return draining;
  }

  async function drain() {
    while (!locked) {
      var queue = load(keys.queue, {});
      var position = Object.keys(queue).filter(function (p) { return !typing[p]; })[0];
      if (position === undefined) break;
      var sent = JSON.stringify(queue[position]);
      var result = await Q.call('PUT', base + '/answers/' + position, { response: queue[position] });
      if (result.status === 200) {
        acknowledged++;
        dropIfUnchanged(position, sent);
        if (offline) setOffline(false);
        if (result.data && result.data.deadline) clock.deadline = Date.parse(result.data.deadline);
      } else if (result.status === 409) {
        lock('试卷已提交（作答时间已到，或已在其他设备交卷）。正在打开结果…');
        return settle();
      } else if (result.status === 401 || result.status === 403) {
        return reauthorise();
      } else if (result.status >= 400 && result.status < 500) {
        // The server will never take this answer; retrying it would hold back every other one.
        dropIfUnchanged(position, sent);
        banner('第 ' + (Number(position) + 1) + ' 题的答案未能保存：' + Q.errorMessage(result), 'alert', 'rejected');
      } else {
        setOffline(true);
        return;
      }
      showState();
    }
    await sendHidden();
  }

  // Another tab may have given a newer answer meanwhile; that one must still go.
  function dropIfUnchanged(position, sent) {
    var queue = load(keys.queue, {});
    if (position in queue && JSON.stringify(queue[position]) === sent) {
      delete queue[position];
      save(keys.queue, queue);
    }
  }

  // A 401/403: signed out, or signed in again elsewhere in this browser with a new token.
  async function reauthorise() {
    var me = await Q.call('GET', '/api/v1/me');
    var field = document.querySelector('input[name="_csrf"]');
    if (me.status === 200 && me.data && me.data.csrfToken && field && field.value !== me.data.csrfToken) {
      field.value = me.data.csrfToken;
      return;
    }
    if (me.status === 0) { setOffline(true); return; }
    ui.banner.hidden = false;
    ui.banner.className = 'alert';
    ui.banner.textContent = '登录已失效。答案已保存在本机，';
    var link = Q.el('a', '', '重新登录');
    link.href = '/login?next=' + encodeURIComponent(location.pathname);
    link.addEventListener('click', function () { leaving = true; });
    ui.banner.appendChild(link);
    ui.banner.appendChild(document.createTextNode('后回到本页，答案会自动保存到服务器。'));
    bannerReason = 'signed-out';
  }

  async function sendHidden() {
    for (;;) {
      var list = load(keys.hidden, []);
      if (!list.length) return;
      var result = await Q.call('POST', base + '/hidden', { seconds: list[0] });
      if (result.status === 0 || result.status >= 500 || result.status === 401 || result.status === 403) return;
      list = load(keys.hidden, []);
      list.shift();
      save(keys.hidden, list);
    }
  }

  // ---- keeping in step with the server, other tabs and other devices ----

  async function resync() {
    if (locked) return;
    var started = performance.now(), before = acknowledged;
    var result = await Q.call('GET', base);
    if (result.status === 0) { setOffline(true); return; }
    if (result.status !== 200 || locked) return;
    var view = result.data;
    if (view.state !== 'in-progress') {
      lock('试卷已提交。正在打开结果…');
      settle();
      return;
    }
    clock = adoptClock(view, (started + performance.now()) / 2);
    if (acknowledged !== before) return;  // it would undo an answer saved meanwhile: the next round adopts it
    stale = false;
    var queue = load(keys.queue, {});
    view.items.forEach(function (item, index) {
      if (String(index) in queue || typing[index]) return;
      adopt(index, item.response || null);
    });
    remember();
    paintCounts();
  }

  // An answer given elsewhere (another device, another tab) replaces the one shown here.
  function adopt(index, response) {
    if (JSON.stringify(response) === JSON.stringify(answers[index])) return;
    answers[index] = response;
    paintButton(index);
    if (index === current && !typing[index]) go(current, false);
  }

  function lock(message) {
    if (!locked) {
      locked = true;
      root.classList.add('locked');
      if (form) form.disabled = true;
      ui.submit.disabled = true;
      Object.keys(typing).forEach(function (position) { clearTimeout(typing[position]); });
      typing = {};
      if (!ui.dialog.hidden) ui.dialog.hidden = true;
    }
    banner(message, 'alert', 'locked');
    showState();
  }

  // Waits until the server reports the attempt submitted, then shows the result page.
  async function settle() {
    if (settling) return;
    settling = true;
    for (;;) {
      var started = performance.now();
      var result = await Q.call('GET', base);
      if (result.status === 200 && result.data.state !== 'in-progress') {
        forget(attempt.id);
        location.reload();
        return;
      }
      if (result.status === 200 && Date.parse(result.data.deadline) > Date.parse(result.data.serverTime)) {
        // An administrator gave more time meanwhile: carry on.
        clock = adoptClock(result.data, (started + performance.now()) / 2);
        locked = settling = false;
        root.classList.remove('locked');
        if (form) form.disabled = false;
        ui.submit.disabled = false;
        banner(null);
        flush();
        return;
      }
      await new Promise(function (resolve) { setTimeout(resolve, 3000); });
    }
  }

  // ---- submitting ----

  function openDialog() {
    if (locked) return;
    sendTyping();
    var unanswered = [];
    answers.forEach(function (response, index) { if (!Q.isAnswered(response)) unanswered.push(index + 1); });
    var flagged = flags.slice().sort(function (a, b) { return a - b; }).map(function (index) { return index + 1; });
    ui.dialogBody.textContent = '';
    ui.dialogBody.appendChild(unanswered.length
      ? Q.el('p', 'warn-text', '还有 ' + unanswered.length + ' 题未作答：第 ' + unanswered.join('、') + ' 题。')
      : Q.el('p', '', '全部 ' + items.length + ' 题都已作答。'));
    if (flagged.length) ui.dialogBody.appendChild(Q.el('p', '', '标记待查：第 ' + flagged.join('、') + ' 题。'));
    ui.dialogBody.appendChild(Q.el('p', '', '交卷后不能再修改答案。确定交卷吗？'));
    ui.dialogError.hidden = true;
    ui.confirm.disabled = false;
    ui.dialog.hidden = false;
    lastFocus = document.activeElement;
    ui.cancel.focus();
  }

  function closeDialog() {
    ui.dialog.hidden = true;
    if (lastFocus && lastFocus.focus) lastFocus.focus();
  }

  function dialogError(text) {
    ui.dialogError.hidden = !text;
    ui.dialogError.textContent = text || '';
  }

  async function submitNow() {
    ui.confirm.disabled = true;
    dialogError(null);
    await sendTyping();
    if (locked) return;
    var pending = pendingCount();
    if (pending) {
      dialogError('网络不通：还有 ' + pending + ' 题答案没有保存到服务器（已保存在本机，不会丢失）。请恢复网络后再交卷。');
      ui.confirm.disabled = false;
      return;
    }
    var result = await Q.call('POST', base + '/submit', {});
    if (result.status === 200) {
      forget(attempt.id);
      leaving = true;
      location.reload();
      return;
    }
    dialogError(Q.errorMessage(result));
    ui.confirm.disabled = false;
  }

  // ---- events ----

  function wire() {
    ui.grid.addEventListener('click', function (event) {
      var button = event.target.closest('button[data-position]');
      if (button) go(Number(button.getAttribute('data-position')), true);
    });
    ui.prev.addEventListener('click', function () { if (current > 0) go(current - 1, true); });
    ui.next.addEventListener('click', function () { if (current < items.length - 1) go(current + 1, true); });
    ui.flag.addEventListener('click', function () {
      var at = flags.indexOf(current);
      if (at >= 0) flags.splice(at, 1);
      else flags.push(current);
      save(keys.flags, flags);
      paintFlag();
      paintButton(current);
      paintCounts();
    });
    ui.submit.addEventListener('click', openDialog);
    var exit = document.getElementById('page-exit');
    if (exit) exit.addEventListener('click', function (event) {
      var pending = pendingCount();
      leaving = locked || window.confirm((pending ? '还有 ' + pending + ' 题答案未保存到服务器（已存在本机，恢复网络后自动保存）。' : '答案都已保存。') +
        '离开后计时不停，可在“我的考试”中继续作答。确定离开吗？');
      if (!leaving) event.preventDefault();
    });
    window.addEventListener('beforeunload', function (event) {
      if (leaving || locked) return;
      sendTyping();
      event.preventDefault();
      event.returnValue = '';
    });
    ui.cancel.addEventListener('click', closeDialog);
    ui.confirm.addEventListener('click', submitNow);
    ui.dialog.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') closeDialog();
      if (event.key !== 'Tab') return;
      var edge = event.shiftKey ? ui.cancel : ui.confirm;
      if (document.activeElement === edge) {
        (event.shiftKey ? ui.confirm : ui.cancel).focus();
        event.preventDefault();
      }
    });
    // ← → move between questions, except where the keys belong to a control (radio groups, text).
    document.addEventListener('keydown', function (event) {
      if (!ui.dialog.hidden || event.altKey || event.ctrlKey || event.metaKey) return;
      if (/^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName)) return;
      if (event.key === 'ArrowLeft' && current > 0) go(current - 1, true);
      else if (event.key === 'ArrowRight' && current < items.length - 1) go(current + 1, true);
      else return;
      event.preventDefault();
    });
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'hidden') {
        hiddenSince = performance.now();
        sendTyping();
      } else if (hiddenSince !== null) {
        // The server takes a spell of up to a day; a longer one is reported as a day, not dropped.
        var seconds = Math.min(86400, Math.round((performance.now() - hiddenSince) / 100) / 10);
        hiddenSince = null;
        if (!locked) {
          var list = load(keys.hidden, []);
          list.push(seconds);
          save(keys.hidden, list);
        }
        resync();
        flush();
      }
    });
    window.addEventListener('online', function () { setOffline(false); flush(); resync(); });
    window.addEventListener('offline', function () { setOffline(true); });
    window.addEventListener('pageshow', function (event) { if (event.persisted) resync(); });
    window.addEventListener('storage', function (event) {
      if (event.key === keys.queue) {
        var queue = load(keys.queue, {});
        Object.keys(queue).forEach(function (position) { adopt(Number(position), queue[position]); });
        paintCounts();
        showState();
      } else if (event.key === keys.flags) {
        flags = load(keys.flags, []);
        items.forEach(function (item, index) { paintButton(index); });
        paintFlag();
        paintCounts();
      }
    });
    setInterval(function () {
      if (!locked && (pendingCount() || load(keys.hidden, []).length)) flush();
      if (stale) resync();
    }, 5000);
    setInterval(function () { if (document.visibilityState === 'visible') resync(); }, 120000);
  }
})();
