/**
 * What the walks through the demo site share: the demo server as `npm start` runs it (demo/server/main.ts, the
 * built CDN bundle, a fresh embedded database), headless Chromium, and small steps into the widgets' shadow roots.
 * They talk to the server only over HTTP, so that this folder can have the DOM's types (its tsconfig.json) for the
 * functions that run in the page, which the server's own code must not see.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import assert from 'node:assert/strict';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export interface Site {
  origin: string;
  browser: Browser;
  /** A new tab that records console errors and warnings (except those `expected` matches) and page errors. */
  open(expected?: RegExp): Promise<Page>;
  /** What went wrong in any tab so far. */
  problems: string[];
  close(): Promise<void>;
}

export const log = (...a: unknown[]) => console.log('ok  ', ...a);

/** Starts the demo server on a free port with its own data directory, and Chromium. */
export async function startSite(name: string): Promise<Site> {
  const dataDir = mkdtempSync(join(tmpdir(), `ebok-${name}-`));
  const main = resolve(import.meta.dirname, '../main.ts');
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', main, '--demo'], { env: { ...process.env, PORT: '0', EBOK_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'inherit'] });
  const origin = await new Promise<string>((ok, fail) => {
    let out = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /eBOK demo: (http:\/\/\S+?)\/ /.exec(out)?.[1];
      if (url) ok(url);
    });
    server.on('exit', (code) => fail(new Error(`the demo server ended (${code}) before it listened:\n${out}`)));
  });
  const chromium = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => p && existsSync(p));
  assert.ok(chromium, 'No Chromium found (set CHROME_PATH).');
  const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'], pipe: true });
  const problems: string[] = [];
  return {
    origin,
    browser,
    problems,
    async open(expected) {
      const page = await browser.newPage();
      page.on('console', (m) => {
        if ((m.type() === 'error' || m.type() === 'warn') && !expected?.test(m.text())) problems.push(`console ${m.type()} on ${page.url()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error on ${page.url()}: ${String(e)}`));
      await page.setViewport({ width: 1280, height: 900 });
      return page;
    },
    async close() {
      await browser.close();
      server.kill();
      await new Promise((ok) => server.once('exit', ok));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The text of a widget's shadow root, its white space folded. */
export const text = (page: Page, host: string) => page.evaluate((h) => document.querySelector(h)?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '', host);

/** Waits until `host`'s shadow root has `selector`; on a timeout says what the widget showed instead. */
export async function deep(page: Page, host: string, selector: string, timeout = 20000): Promise<void> {
  try {
    await page.waitForFunction((h, s) => document.querySelector(h)?.shadowRoot?.querySelector(s), { timeout, polling: 100 }, host, selector);
  } catch (error) {
    throw new Error(`${host} shows no ${selector} on ${page.url()}: "${await text(page, host)}"`, { cause: error });
  }
}

/** Waits until `host`'s text contains `words`. */
export async function shows(page: Page, host: string, words: string, timeout = 20000): Promise<void> {
  try {
    await page.waitForFunction((h, w) => document.querySelector(h)?.shadowRoot?.textContent?.replace(/\s+/g, ' ').includes(w), { timeout, polling: 100 }, host, words);
  } catch (error) {
    throw new Error(`${host} never says "${words}" on ${page.url()}: "${await text(page, host)}"`, { cause: error });
  }
}

/** Types into fields of `host`'s shadow root as a person would (an input event for each). */
export async function fill(page: Page, host: string, values: Record<string, string>): Promise<void> {
  await page.evaluate(
    (h, v) => {
      const root = document.querySelector(h)!.shadowRoot!;
      for (const [selector, value] of Object.entries(v)) {
        const field = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
        if (!field) throw new Error(`${h} has no ${selector}`);
        field.value = value;
        field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
        field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      }
    },
    host,
    values,
  );
}

/** Clicks the element `selector` in `host`'s shadow root. */
export async function press(page: Page, host: string, selector: string): Promise<void> {
  await page.evaluate(
    (h, s) => {
      const target = document.querySelector(h)?.shadowRoot?.querySelector<HTMLElement>(s);
      if (!target) throw new Error(`${h} has no ${s}`);
      target.click();
    },
    host,
    selector,
  );
}

/** Signs in with `<ebok-login>` on the page as it is. */
export async function signIn(page: Page, login: string, password = 'Demo-Haslo-2026'): Promise<void> {
  await deep(page, 'ebok-login', 'input[autocomplete="username"]');
  await fill(page, 'ebok-login', { 'input[autocomplete="username"]': login, 'input[autocomplete="current-password"]': password });
  await press(page, 'ebok-login', 'button[type="submit"]');
}

/** The demo server's outbox for one address or number, newest first. */
export async function outbox(origin: string, to: string): Promise<{ subject: string; body: string; links: string[]; code?: string }[]> {
  const answer = await fetch(`${origin}/api/test/outbox?to=${encodeURIComponent(to)}`);
  return (await answer.json()) as { subject: string; body: string; links: string[]; code?: string }[];
}
