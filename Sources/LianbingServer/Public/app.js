// Small, dependency-free helpers (ES2017). No build step; served from this server only.
(function () {
  'use strict';

  // Forms that change something important ask first.
  document.addEventListener('submit', function (event) {
    var message = event.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) event.preventDefault();
  });

  // The unit tree loads children on demand: with ~28,000 units, nothing else scales.
  function renderUnit(unit) {
    var li = document.createElement('li');
    li.setAttribute('role', 'treeitem');
    li.dataset.code = unit.code;
    if (unit.childCount > 0) {
      li.setAttribute('aria-expanded', 'false');
      var toggle = document.createElement('button');
      toggle.type = 'button';
      toggle.className = 'toggle';
      toggle.setAttribute('aria-label', '展开');
      toggle.textContent = '▸';
      li.appendChild(toggle);
    } else {
      var spacer = document.createElement('span');
      spacer.className = 'toggle';
      spacer.style.display = 'inline-block';
      li.appendChild(spacer);
    }
    var link = document.createElement('a');
    link.href = '/units/' + encodeURIComponent(unit.code);
    link.textContent = unit.name;
    li.appendChild(link);
    var tag = document.createElement('span');
    tag.className = 'tag';
    tag.textContent = unit.levelName;
    li.appendChild(document.createTextNode(' '));
    li.appendChild(tag);
    if (unit.childCount > 0) {
      var count = document.createElement('span');
      count.className = 'muted';
      count.textContent = '（' + unit.childCount + '）';
      li.appendChild(document.createTextNode(' '));
      li.appendChild(count);
    }
    return li;
  }

  async function expand(li, button) {
    var open = li.getAttribute('aria-expanded') === 'true';
    var list = li.querySelector(':scope > ul');
    if (open) {
      li.setAttribute('aria-expanded', 'false');
      button.textContent = '▸';
      button.setAttribute('aria-label', '展开');
      if (list) list.hidden = true;
      return;
    }
    li.setAttribute('aria-expanded', 'true');
    button.textContent = '▾';
    button.setAttribute('aria-label', '收起');
    if (list) { list.hidden = false; return; }
    list = document.createElement('ul');
    list.setAttribute('role', 'group');
    var loading = document.createElement('li');
    loading.className = 'loading';
    loading.textContent = '加载中…';
    list.appendChild(loading);
    li.appendChild(list);
    try {
      var response = await fetch('/api/v1/units?parent=' + encodeURIComponent(li.dataset.code), { credentials: 'same-origin' });
      if (!response.ok) throw new Error(String(response.status));
      var units = await response.json();
      list.removeChild(loading);
      units.forEach(function (unit) { list.appendChild(renderUnit(unit)); });
    } catch (error) {
      loading.textContent = '加载失败，请重试';
      li.removeChild(list);
      li.setAttribute('aria-expanded', 'false');
      button.textContent = '▸';
    }
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('.tree button.toggle');
    if (button) expand(button.closest('li'), button);
  });
})();
