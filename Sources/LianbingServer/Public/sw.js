// The exam page's offline copy (needs HTTPS: docs/operations.md), registered by take.js for /my/attempts/ only.
// Network first, always, so a new release never meets old scripts; a copy serves only when the server cannot be
// reached. Of the pages only an exam in progress is kept (marked `Lianbing-Offline: exam`); any other answer at that
// address (the result, a sign-in redirect) drops the copy. /api/ never passes through here: take.js queues answers.
'use strict';

var CACHE = 'lianbing-exam';
var ASSETS = ['/assets/app.css', '/assets/app.js', '/assets/take.css', '/assets/question-form.js', '/assets/take.js'];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(ASSETS); }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) { event.waitUntil(self.clients.claim()); });

// The page that registered this worker was loaded before it ran, so it asks for its copy here.
self.addEventListener('message', function (event) {
  var path = event.data && event.data.keep;
  if (typeof path === 'string' && /^\/my\/attempts\/\d+$/.test(path)) event.waitUntil(fresh(new Request(path), event).catch(function () {}));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== location.origin || !(isAsset(url) || request.mode === 'navigate')) return;
  event.respondWith(fresh(request, event).then(function (response) {
    // A proxy in front of a stopped server answers 502 or 504: as unreachable as no network.
    return response.status >= 500 ? kept(request, response) : response;
  }, function () { return kept(request, Response.error()); }));
});

function isAsset(url) { return url.pathname.indexOf('/assets/') === 0; }

function fresh(request, event) {
  return fetch(request).then(function (response) {
    var asset = isAsset(new URL(request.url));
    var keep = response.status === 200 && (asset || response.headers.get('Lianbing-Offline') === 'exam');
    if (keep || (!asset && response.status < 500)) {
      var copy = keep ? response.clone() : null;
      event.waitUntil(caches.open(CACHE).then(function (cache) { return copy ? cache.put(request, copy) : cache.delete(request); }));
    }
    return response;
  });
}

// A page served from here says so (take.js reads it as server timing): its answers and clock are of an earlier load.
function kept(request, otherwise) {
  return caches.match(request).then(function (copy) {
    if (!copy || isAsset(new URL(request.url))) return copy || otherwise;
    var headers = new Headers(copy.headers);
    headers.set('Server-Timing', 'offline-copy');
    return new Response(copy.body, { status: copy.status, statusText: copy.statusText, headers: headers });
  });
}
