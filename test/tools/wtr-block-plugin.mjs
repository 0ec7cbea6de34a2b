/**
 * A web-test-runner server command that makes the test page's requests to some URLs fail, as a dropped
 * connection would, through the DevTools protocol (`Network.setBlockedURLs`, `*` as a wildcard):
 *
 *   await executeServerCommand('ebok-block-urls', { urls: ['*balance-tile.behaviour*'] });
 *   await executeServerCommand('ebok-block-urls', { urls: [] }); // let everything through again
 *
 * Only the named URLs fail, so the runner's own connection to the page stays up (offline emulation would
 * cut it). For a widget whose code arrives in two parts, this is how a test sees the second part missing.
 */
export function blockPlugin() {
  const sessions = new WeakMap();
  return {
    name: 'ebok-block-urls',
    async executeCommand({ command, payload, session }) {
      if (command !== 'ebok-block-urls') return undefined;
      if (session.browser.type !== 'puppeteer') {
        throw new Error(`ebok-block-urls needs a puppeteer browser (the Chromium launcher), not ${session.browser.type}`);
      }
      const urls = payload?.urls;
      if (!Array.isArray(urls) || !urls.every((url) => typeof url === 'string')) {
        throw new Error(`ebok-block-urls: give { urls: string[] }, not ${JSON.stringify(payload)}`);
      }
      const page = session.browser.getPage(session.id);
      let cdp = sessions.get(page);
      if (!cdp) {
        cdp = await page.createCDPSession();
        await cdp.send('Network.enable');
        sessions.set(page, cdp);
      }
      await cdp.send('Network.setBlockedURLs', { urls });
      return true;
    },
  };
}
