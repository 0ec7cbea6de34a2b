import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where named screenshots are written, to look at when a visual comparison fails. */
export const SCREENSHOT_DIR = join(tmpdir(), 'ebok-screenshots');

const isNumber = (value) => typeof value === 'number' && Number.isFinite(value);

/**
 * A web-test-runner server command that takes a screenshot of a rectangle of the test page (CSS pixels,
 * viewport coordinates) with the launcher's own puppeteer page:
 *
 *   const { png, file } = await executeServerCommand('ebok-screenshot', { x, y, width, height, name });
 *
 * It answers the PNG as base64 (the test decodes and compares it in the browser, so no image library is
 * needed) and, with a `name`, also writes it to SCREENSHOT_DIR/<name>.png and answers that path.
 * Nothing is captured beyond the viewport: make the viewport big enough (setViewport) first.
 */
export function screenshotPlugin() {
  return {
    name: 'ebok-screenshot',
    async executeCommand({ command, payload, session }) {
      if (command !== 'ebok-screenshot') return undefined;
      if (session.browser.type !== 'puppeteer') {
        throw new Error(`ebok-screenshot needs a puppeteer browser (the Chromium launcher), not ${session.browser.type}`);
      }
      const { x, y, width, height, name } = payload ?? {};
      if (![x, y, width, height].every(isNumber) || width <= 0 || height <= 0) {
        throw new Error(`ebok-screenshot: give x, y, width and height in CSS pixels, not ${JSON.stringify(payload)}`);
      }
      const page = session.browser.getPage(session.id);
      const png = Buffer.from(await page.screenshot({ type: 'png', clip: { x, y, width, height }, captureBeyondViewport: false }));
      let file;
      if (typeof name === 'string' && name) {
        mkdirSync(SCREENSHOT_DIR, { recursive: true });
        file = join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
        writeFileSync(file, png);
      }
      return { png: png.toString('base64'), file };
    },
  };
}
