// Shared by take.js and practice.js: one question's answer controls, reading them back as an API response, and
// calls to the JSON API. Question text comes from the bank and is only ever set as textContent, never as markup.
(function () {
  'use strict';

  var LETTERS = 'ABCDEFGH';
  var KINDS = { single: '单选题', multiple: '多选题', truefalse: '判断题', blank: '填空题', short: '简答题' };
  var TRUE_FALSE = ['正确', '错误'];

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  // Blanks are runs of four or more underscores in the stem (BankValidator.minimumBlankUnderscores), so a shorter
  // run such as a variable name stays text; numbering them ties each to its input.
  function stemText(item) {
    if (item.kind !== 'blank') return item.stem;
    var n = 0;
    return item.stem.replace(/_{4,}/g, function (run) { n += 1; return '（' + n + '）' + run; });
  }

  function chosenIndexes(item, response) {
    if (!response) return [];
    if (item.kind === 'truefalse') return response.trueFalse == null ? [] : [response.trueFalse ? 0 : 1];
    return response.choices || [];
  }

  function isAnswered(response) {
    if (!response) return false;
    if (response.blanks) return response.blanks.some(function (text) { return text.trim() !== ''; });
    if (response.text != null) return response.text.trim() !== '';
    return true;
  }

  // The response the controls hold now; null when nothing is given, which clears a saved answer.
  function read(item, form) {
    if (item.kind === 'blank') {
      var blanks = Array.prototype.map.call(form.querySelectorAll('input'), function (input) { return input.value; });
      return isAnswered({ blanks: blanks }) ? { blanks: blanks } : null;
    }
    if (item.kind === 'short') {
      var text = form.querySelector('textarea').value;
      return text.trim() ? { text: text } : null;
    }
    var picked = [];
    Array.prototype.forEach.call(form.querySelectorAll('input'), function (input) {
      if (input.checked) picked.push(Number(input.value));
    });
    if (!picked.length) return null;
    return item.kind === 'truefalse' ? { trueFalse: picked[0] === 0 } : { choices: picked };
  }

  // A fieldset of controls for `item` showing `response`. `onChange(response, typing)` hears every change;
  // `typing` is true for text, which callers save after a pause rather than on every keystroke.
  function render(item, response, onChange) {
    var form = el('fieldset', 'answer');
    form.appendChild(el('legend', 'stem', stemText(item)));
    var name = 'q' + item.position;
    if (item.kind === 'blank') {
      var given = (response && response.blanks) || [];
      for (var b = 0; b < item.blanks; b++) {
        var label = el('label', 'blank', '第 ' + (b + 1) + ' 空');
        var input = el('input');
        input.type = 'text';
        input.maxLength = 200;
        input.autocomplete = 'off';
        input.value = given[b] || '';
        label.appendChild(input);
        form.appendChild(label);
      }
    } else if (item.kind === 'short') {
      var area = el('label', 'blank', '作答');
      var textarea = el('textarea');
      textarea.maxLength = 5000;
      textarea.rows = 8;
      textarea.value = (response && response.text) || '';
      area.appendChild(textarea);
      form.appendChild(area);
    } else {
      var chosen = chosenIndexes(item, response);
      var labels = item.kind === 'truefalse' ? TRUE_FALSE : item.options;
      labels.forEach(function (text, index) {
        var option = el('label', 'option');
        var box = el('input');
        box.type = item.kind === 'multiple' ? 'checkbox' : 'radio';
        box.name = name;
        box.value = String(index);
        box.checked = chosen.indexOf(index) >= 0;
        option.classList.toggle('chosen', box.checked);
        option.appendChild(box);
        option.appendChild(el('span', 'letter', item.kind === 'truefalse' ? (index === 0 ? '√' : '×') : LETTERS[index]));
        option.appendChild(el('span', 'text', text));
        form.appendChild(option);
      });
    }
    var typing = item.kind === 'blank' || item.kind === 'short';
    form.addEventListener(typing ? 'input' : 'change', function () {
      Array.prototype.forEach.call(form.querySelectorAll('label.option input'), function (input) {
        input.parentNode.classList.toggle('chosen', input.checked);
      });
      onChange(read(item, form), typing);
    });
    return form;
  }

  // Marks the key's options once it is known: letters such as "AC", or 正确/错误.
  function showKey(item, form, key) {
    Array.prototype.forEach.call(form.querySelectorAll('label.option'), function (option, index) {
      var isKey = item.kind === 'truefalse' ? TRUE_FALSE[index] === key : key.indexOf(LETTERS[index]) >= 0;
      option.classList.toggle('key', isKey);
    });
  }

  function csrf() {
    var field = document.querySelector('input[name="_csrf"]');
    return field ? field.value : '';
  }

  // Resolves to {status, data} and never rejects: status 0 when the network failed or the server did not answer
  // within `timeout` ms (a stalled intranet must not freeze saving).
  function call(method, url, body, timeout) {
    var init = { method: method, credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } };
    if (method !== 'GET') init.headers['X-CSRF-Token'] = csrf();
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    var timer = null;
    if (window.AbortController) {
      var controller = new AbortController();
      init.signal = controller.signal;
      timer = setTimeout(function () { controller.abort(); }, timeout || 15000);
    }
    return fetch(url, init).then(function (response) {
      return response.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        return { status: response.status, data: data };
      });
    }).catch(function () {
      return { status: 0, data: null };
    }).then(function (result) {
      clearTimeout(timer);
      return result;
    });
  }

  function errorMessage(result) {
    if (result.status === 0) return '网络不通，请检查网络后重试。';
    return (result.data && result.data.error && result.data.error.message) || '出错了（' + result.status + '），请重试。';
  }

  window.LianbingQuestion = {
    el: el, render: render, read: read, showKey: showKey, isAnswered: isAnswered, call: call, errorMessage: errorMessage,
    kindLabel: function (kind) { return KINDS[kind] || kind; },
    points: function (value) { return String(Math.round(value * 10) / 10); }
  };
})();
