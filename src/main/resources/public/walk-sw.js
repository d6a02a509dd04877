// Service worker of walk mode (scope /): keeps the walk page, its scripts and styles, Leaflet, and
// the walk data it has fetched, so a safety walk works in basements and parks without signal.
// The page shell is served cache-first (it works offline at once); the API's GETs network-first
// with the cached copy as fallback. Writes (POST, PUT) are never touched: the page queues them in
// IndexedDB and sends them itself, so the browser's own network state decides.

const CACHE = 'tryggkarta-walk-v1';
const SHELL = [
  '/walk.html',
  '/css/walk.css',
  '/js/api.js',
  '/js/walk/main.js',
  '/js/walk/db.js',
  '/js/walk/sync.js',
  '/webjars/leaflet/1.9.4/dist/leaflet.js',
  '/webjars/leaflet/1.9.4/dist/leaflet.css',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('tryggkarta-walk-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()));
});

function isApiRead(url) {
  return url.pathname === '/api/session'
    || /^\/api\/workspaces\/[^/]+\/walks(\/[^/]+)?$/.test(url.pathname)
    || /^\/api\/workspaces\/[^/]+\/layers\/streets$/.test(url.pathname);
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (isApiRead(url)) {
    event.respondWith(
      fetch(req)
        .then((res) => {
          if (res.ok) {
            const copy = res.clone();
            caches.open(CACHE).then((c) => c.put(req, copy));
          }
          return res;
        })
        .catch(() => caches.match(req).then((hit) => hit ?? Response.error())));
    return;
  }
  const shellPath = url.pathname === '/walk.html' ? '/walk.html' : url.pathname;
  if (SHELL.includes(shellPath)) {
    event.respondWith(
      caches.match(shellPath).then((hit) => hit ?? fetch(req).then((res) => {
        if (res.ok) {
          const copy = res.clone();
          caches.open(CACHE).then((c) => c.put(shellPath, copy));
        }
        return res;
      })));
  }
});
