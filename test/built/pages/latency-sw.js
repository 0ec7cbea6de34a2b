// A slow network for the pages of one test origin: every request for the CDN bundle (dist/cdn/) is answered
// `delay` ms late, as if each took that long to reach the CDN and back. Requests in flight together wait
// together, so a waterfall shows up as multiples of the delay. Installed by latency.html.
const delay = Number(new URL(self.location.href).searchParams.get('delay')) || 0;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
  if (!new URL(event.request.url).pathname.startsWith('/dist/cdn/')) return;
  event.respondWith(new Promise((resolve) => setTimeout(resolve, delay)).then(() => fetch(event.request)));
});
