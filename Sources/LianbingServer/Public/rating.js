// The rating form's helpers (ES2017, no dependencies). The form works without them.
(function () {
  'use strict';
  // Counter mode: after the thanks, the empty form returns for the next person.
  var next = document.querySelector('[data-reset]');
  if (next) {
    var seconds = parseInt(next.getAttribute('data-seconds'), 10) || 4;
    setTimeout(function () { window.location.replace(next.getAttribute('data-reset')); }, seconds * 1000);
  }
  // One submission per tap: a double tap would only meet "already rated".
  var form = document.querySelector('[data-rate-form]');
  if (form) {
    form.addEventListener('submit', function () {
      var button = form.querySelector('button[type=submit]');
      if (button) { setTimeout(function () { button.disabled = true; }, 0); }
    });
  }
})();
