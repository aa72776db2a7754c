// The editor's helper, Khabar's own and the only script of the admin (which works without
// it): the word count and reading time as you type; an autosave of the headline and the
// text every 30 seconds and when you leave the page (offered back when you reopen the
// article, if newer than its last save); and a confirmation before publishing.
(function () {
  'use strict';
  var form = document.querySelector('form.editor');
  if (!form) return;
  var body = form.querySelector('#body');
  var title = form.querySelector('#title');
  var format = form.querySelector('#format');
  var count = document.getElementById('text-count');
  var url = form.getAttribute('data-autosave');
  var csrf = form.querySelector('input[name="_csrf"]').value;

  // Words as readers will read them: markup and Markdown's marks are not words.
  function words(text) {
    var plain = text.replace(/<[^>]*>/g, ' ').replace(/[#*_>`[\]()!|~=-]+/g, ' ');
    var found = plain.match(/\S+/g);
    return found ? found.length : 0;
  }
  function showCount() {
    var n = words(body.value);
    var minutes = Math.max(1, Math.ceil(n / 200));  // as the server reckons it
    count.textContent = n + (n === 1 ? ' word' : ' words') + ', ' + minutes + ' min read';
  }

  function state() { return title.value + '\u0000' + body.value; }
  var saved = state();
  function fields() {
    var f = new FormData();
    f.append('_csrf', csrf);
    f.append('title', title.value);
    f.append('body', body.value);
    f.append('format', format ? format.value : 'markdown');
    return f;
  }
  function autosave(leaving) {
    var now = state();
    if (now === saved || !url) return;
    if (leaving && navigator.sendBeacon) {
      if (navigator.sendBeacon(url, fields())) saved = now;
      return;
    }
    fetch(url, { method: 'POST', body: fields(), credentials: 'same-origin' })
      .then(function (r) { if (r.ok) saved = now; })
      .catch(function () {});  // offline: the next round tries again
  }

  body.addEventListener('input', showCount);
  showCount();
  setInterval(function () { autosave(false); }, 30000);
  var submitting = false;
  form.addEventListener('submit', function (event) {
    var button = event.submitter;
    if (button && button.dataset.confirm && !window.confirm(button.dataset.confirm)) {
      event.preventDefault();
      return;
    }
    submitting = true;
  });
  function leave() { if (!submitting) autosave(true); }
  window.addEventListener('pagehide', leave);
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') leave();
  });
})();
