// Installs latency-sw.js with the delay of ?delay= (ms), waits until it controls this page, then opens ?next=.
(async function () {
  const params = new URLSearchParams(location.search);
  const fail = (message) => parent.postMessage({ type: 'ebok-probe-failed', message }, '*');
  try {
    await navigator.serviceWorker.register(`./latency-sw.js?delay=${Number(params.get('delay')) || 0}`);
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
    location.replace(new URL(params.get('next'), location.href).href);
  } catch (error) {
    fail(`latency.html could not install its service worker: ${error}`);
  }
})();
