// Contest live screens (ES2017, no dependencies): the host's console, a contestant's phone, a judge's page and the
// projector's board. Each draws the whole picture the server sends; the server decides every buzz and timer.
(function () {
  'use strict';
  var root = document.querySelector('[data-live]');
  if (!root) return;
  var role = root.getAttribute('data-role');
  var status = root.querySelector('[data-status]');
  var socket = null, delay = 1000, state = null, ranks = {}, deadline = 0, beeped = -1, audio = null;

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function part(name) { return root.querySelector('[data-part="' + name + '"]'); }
  function clear(node) { while (node && node.firstChild) node.removeChild(node.firstChild); return node; }
  function say(text, bad) { if (status) { status.textContent = text; status.className = bad ? 'live-status bad' : 'live-status'; } }
  function send(message) {
    if (socket && socket.readyState === 1) socket.send(JSON.stringify(message)); else say('未连接，请稍候重试', true);
  }
  function button(label, message, cls) {
    var b = el('button', label, cls || 'secondary');
    b.type = 'button';
    b.addEventListener('click', function () { send(message); });
    return b;
  }

  function connect() {
    var scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    socket = new WebSocket(scheme + location.host + root.getAttribute('data-socket'));
    socket.onopen = function () { delay = 1000; say('已连接'); };
    socket.onmessage = function (event) {
      var message = JSON.parse(event.data);
      if (message.type === 'state') draw(message);
      else if (message.type === 'error') say(message.message, true);
      else if (message.type === 'ack' && message.action === 'buzz') say('已抢答，等待裁定…');
    };
    socket.onclose = function () {
      say('连接中断，正在重连…', true);
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 10000);
    };
  }

  function draw(s) {
    state = s;
    var title = part('round');
    if (title) title.textContent = s.round ? '第 ' + s.round.number + ' 轮 · ' + s.round.title + '（' + s.round.label + '）' : '';
    drawQuestion(s);
    drawBoard(s);
    var last = part('last');
    if (last) last.textContent = s.lastEvent ? '#' + s.lastEvent.sequence + ' ' + (s.lastEvent.teamName || '') + ' ' + s.lastEvent.label + (s.lastEvent.changeText !== '0' ? ' ' + s.lastEvent.changeText : '') : '';
    var buzz = part('buzz');
    if (buzz) buzz.textContent = s.buzz ? '抢到答题权：' + s.buzz.name : '';
    var frozen = part('frozen');
    if (frozen) frozen.hidden = !s.frozen;
    deadline = Date.now() + s.timer.remainingMilliseconds;
    root.setAttribute('data-running', s.timer.running ? '1' : '0');
    tick();
    if (role === 'host') drawHost(s);
    if (role === 'contestant') drawContestant(s);
    if (role === 'judge') drawJudge(s);
  }

  function drawQuestion(s) {
    var box = part('question');
    if (!box) return;
    clear(box);
    if (!s.question) { box.appendChild(el('p', '等待主持人出题', 'muted')); return; }
    box.appendChild(el('p', '第 ' + s.question.number + ' 题', 'muted'));
    box.appendChild(el('p', s.question.stem, 'stem'));
    var list = el('ol', null, 'options');
    (s.question.options || []).forEach(function (option) { list.appendChild(el('li', option)); });
    box.appendChild(list);
    if (s.question.answer) box.appendChild(el('p', '答案：' + JSON.stringify(s.question.answer), 'key'));
    if (s.question.explanation) box.appendChild(el('p', '解析：' + s.question.explanation, 'muted'));
  }

  function drawBoard(s) {
    var body = part('board');
    if (!body) return;
    clear(body);
    s.board.forEach(function (line) {
      var row = el('tr');
      var before = ranks[line.team];
      var move = before === undefined || before === line.rank ? '' : (before > line.rank ? ' ↑' : ' ↓');
      row.appendChild(el('td', line.rank + move));
      row.appendChild(el('td', line.name));
      row.appendChild(el('td', line.unitName));
      row.appendChild(el('td', line.pointsText, 'num'));
      if (line.team === s.team) row.className = 'mine';
      body.appendChild(row);
      ranks[line.team] = line.rank;
    });
  }

  function drawHost(s) {
    var rounds = clear(part('rounds'));
    s.contest.rounds.forEach(function (r) {
      rounds.appendChild(button(r.number + '. ' + r.title, { action: 'round', round: r.number }, s.round && s.round.number === r.number ? 'primary' : 'secondary'));
    });
    var questions = clear(part('questions'));
    for (var q = 1; s.round && q <= s.round.questions; q++) questions.appendChild(button('出示第 ' + q + ' 题', { action: 'open', question: q }));
    var teams = clear(part('teams'));
    s.board.slice().sort(function (a, b) { return a.team - b.team; }).forEach(function (line) {
      var row = el('div', null, 'team-actions');
      row.appendChild(el('strong', line.name + '（' + line.pointsText + '）'));
      row.appendChild(button('答对', { action: 'rule', team: line.team, verdict: 'right' }, 'primary'));
      row.appendChild(button('答错', { action: 'rule', team: line.team, verdict: 'wrong' }));
      if (s.round && s.round.style === 'buzzer') row.appendChild(button('犯规', { action: 'foul', team: line.team }));
      if (s.round && s.round.style === 'risk') s.round.stakes.forEach(function (stake) { row.appendChild(button(stake + ' 分', { action: 'stake', team: line.team, amount: stake })); });
      teams.appendChild(row);
    });
    var order = clear(part('order'));
    (s.buzzOrder || []).forEach(function (b) { order.appendChild(el('li', b.name)); });
    var stakeOrder = clear(part('stake-order'));
    (s.stakeOrder || []).forEach(function (name) { stakeOrder.appendChild(el('li', name)); });
    var answers = clear(part('answers'));
    (s.answers || []).forEach(function (a) { answers.appendChild(el('li', a.name + '：' + a.text)); });
  }

  function drawContestant(s) {
    var style = s.round ? s.round.style : '';
    var buzzer = part('buzzer');
    if (buzzer) buzzer.hidden = !(style === 'buzzer' || style === 'playoff');
    var stakes = clear(part('stakes'));
    if (style === 'risk' && s.question) s.round.stakes.forEach(function (stake) { stakes.appendChild(button('选 ' + stake + ' 分', { action: 'stake', amount: stake })); });
    var mine = s.board.filter(function (line) { return line.team === s.team; })[0];
    var score = part('mine');
    if (score && mine) score.textContent = mine.name + '：' + mine.pointsText + ' 分，第 ' + mine.rank + ' 名';
  }

  function drawJudge(s) {
    var select = part('judge-team');
    if (!select || select.options.length) return;
    s.board.forEach(function (line) { var o = el('option', line.name); o.value = line.team; select.appendChild(o); });
  }

  function tick() {
    var clock = part('timer');
    if (!clock || !state) return;
    var running = root.getAttribute('data-running') === '1';
    var left = running ? Math.max(0, deadline - Date.now()) : state.timer.remainingMilliseconds;
    var seconds = Math.ceil(left / 1000);
    clock.textContent = seconds;
    clock.className = 'timer' + (seconds <= 5 ? ' urgent' : '');
    if (role === 'board' && running && seconds <= 5 && seconds !== beeped) { beeped = seconds; beep(seconds === 0 ? 880 : 440); }
  }

  // The board's countdown can be heard: a short tone each of the last five seconds, a higher one at zero.
  function beep(pitch) {
    try {
      var Context = window.AudioContext || window.webkitAudioContext;
      if (!Context) return;
      audio = audio || new Context();
      var tone = audio.createOscillator(), gain = audio.createGain();
      tone.frequency.value = pitch;
      tone.connect(gain); gain.connect(audio.destination);
      gain.gain.value = 0.2;
      tone.start(); tone.stop(audio.currentTime + 0.15);
    } catch (error) { audio = null; }
  }

  root.addEventListener('click', function (event) {
    var target = event.target;
    var action = target.getAttribute && target.getAttribute('data-send');
    if (!action) return;
    var message = { action: action };
    if (action === 'timer') message.running = root.getAttribute('data-running') !== '1';
    if (action === 'freeze') message.frozen = target.getAttribute('data-frozen') === '1';
    if (action === 'answer') { var box = part('answer'); message.text = box.value; box.value = ''; }
    if (action === 'mark' || action === 'settle') {
      message.team = Number(part('judge-team').value);
      message.question = Number(part('judge-question').value);
      if (action === 'mark') message.mark = Number(part('judge-mark').value);
    }
    if (action === 'buzz' && audio === null) beep(0);
    send(message);
  });
  document.addEventListener('click', function () { if (role === 'board' && !audio) beep(0); }, { once: true });

  setInterval(tick, 200);
  connect();
})();
