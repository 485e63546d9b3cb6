// Training page helpers (ES2017, no dependencies). Every page works without them.
(function () {
  'use strict';

  // The 业务培训 box follows the kind chosen, until changed by hand; the server reads the kind it was set for.
  var kind = document.querySelector('[data-business-kind]');
  var box = document.querySelector('[data-business-box]');
  var basis = document.querySelector('[data-business-basis]');
  if (kind && box && basis) {
    kind.addEventListener('change', function () {
      var option = kind.options[kind.selectedIndex];
      box.checked = option.getAttribute('data-business') === '1';
      basis.value = kind.value;
    });
  }

  // Suggested topics: the weak knowledge points of the audience's unit, each a button adding it to the topics box.
  // Fetched when the form is first shown and again when the audience changes.
  var suggestions = document.querySelector('[data-weak-points]');
  if (suggestions) {
    var sessionForm = suggestions.closest('form');
    var topics = sessionForm.querySelector('textarea[name="topics"]');
    var audience = sessionForm.querySelector('[name="audience_unit"]');
    var otherAudience = sessionForm.querySelector('[name="other_audience_unit"]');
    var suggested = suggestions.querySelector('[data-weak-points-list]');
    var addTopic = function (point) {
      var present = topics.value.split(/[\n、]/).map(function (topic) { return topic.trim(); });
      if (present.indexOf(point) < 0) topics.value = topics.value.trim() + (topics.value.trim() ? '\n' : '') + point;
    };
    var suggest = async function () {
      var code = (otherAudience && otherAudience.value.trim()) || (audience && audience.value);
      suggestions.hidden = true;
      suggested.textContent = '';
      if (!code) return;
      var report;
      try {
        var response = await fetch('/api/v1/units/' + encodeURIComponent(code) + '/weak-points', { credentials: 'same-origin' });
        if (!response.ok) return;
        report = await response.json();
      } catch (error) {
        return;
      }
      report.points.forEach(function (entry) {
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'tag';
        button.textContent = entry.weakPoint.knowledgePoint + ' ' + Math.round(entry.weakPoint.accuracy * 100) + '%';
        button.title = entry.weakPoint.reason;
        button.addEventListener('click', function () { addTopic(entry.weakPoint.knowledgePoint); });
        suggested.appendChild(button);
        suggested.appendChild(document.createTextNode(' '));
      });
      suggestions.hidden = report.points.length === 0;
    };
    var holder = suggestions.closest('details');
    if (!holder || holder.open) suggest();
    else holder.addEventListener('toggle', function first() {
      if (!holder.open) return;
      holder.removeEventListener('toggle', first);
      suggest();
    });
    if (audience) audience.addEventListener('change', suggest);
    if (otherAudience) otherAudience.addEventListener('change', suggest);
  }

  // The attendance list narrows as one types, without a round trip.
  var filter = document.querySelector('input[data-filter]');
  if (filter) {
    var list = document.getElementById(filter.getAttribute('data-filter'));
    filter.addEventListener('input', function () {
      var words = filter.value.trim().toLowerCase();
      var items = list ? list.querySelectorAll('li[data-search]') : [];
      for (var i = 0; i < items.length; i++) {
        items[i].hidden = words !== '' && items[i].getAttribute('data-search').toLowerCase().indexOf(words) < 0;
      }
    });
  }

  // The sign-in screen counts down to the next code; the page reloads itself then (meta refresh).
  var countdown = document.querySelector('[data-countdown]');
  if (countdown) {
    var left = Number(countdown.getAttribute('data-countdown')) || 0;
    setInterval(function () {
      left = Math.max(0, left - 1);
      countdown.textContent = String(left);
    }, 1000);
  }
})();
