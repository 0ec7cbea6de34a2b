/**
 * Isolation from the host page's CSS (README "Look and brand"): every widget, rendered once on a clean page
 * and once inside a CMS block under a hostile stylesheet, must compute the same styles for every element in
 * its shadow tree and paint the same pixels.
 *
 * The hostile stylesheet sets every inherited property a CMS theme may set on `html`/`body` (they cross the
 * shadow boundary), rules that match the widget's host element itself (`*`, `div > *`, `.cms-block *`, which
 * beat any `:host` rule, some with `!important`), a root font size of 10 px, and rules for plain elements
 * (which must not reach inside at all). It leaves alone what is the page's to style on purpose: the host
 * element's own box (display, margin, padding, border, width), `visibility` and `pointer-events`.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, setViewport } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
// Every element, as src/all.ts defines them (imported one by one: all.ts also brings the CDN autoloader).
import '../../src/widgets/provider/ebok-provider.js';
import '../../src/widgets/balance-tile/ebok-balance-tile.js';
import '../../src/widgets/login/ebok-login.js';
import '../../src/widgets/session/ebok-session.js';
import '../../src/widgets/register/ebok-register.js';
import '../../src/widgets/password-reset/ebok-password-reset.js';
import '../../src/widgets/login-reminder/ebok-login-reminder.js';
import '../../src/widgets/activation/ebok-activation.js';
import '../../src/widgets/invoice-list/ebok-invoice-list.js';
import '../../src/widgets/payment-history/ebok-payment-history.js';
import '../../src/widgets/meter-reading/ebok-meter-reading.js';
import '../../src/widgets/consumption-chart/ebok-consumption-chart.js';
import '../../src/widgets/tickets/ebok-tickets.js';
import '../../src/widgets/ticket-form/ebok-ticket-form.js';
import '../../src/widgets/messages/ebok-messages.js';
import '../../src/widgets/profile/ebok-profile.js';
import '../../src/widgets/consents/ebok-consents.js';
import '../../src/widgets/notification-settings/ebok-notification-settings.js';
import '../../src/widgets/points/ebok-points.js';
import '../../src/widgets/contracts/ebok-contracts.js';
import '../../src/widgets/tariff-change/ebok-tariff-change.js';
import '../../src/widgets/outages/ebok-outages.js';
import '../../src/widgets/account-removal/ebok-account-removal.js';
import '../../src/widgets/dashboard/ebok-dashboard.js';
import '../../src/widgets/portal/ebok-portal.js';
import { configure } from '../../src/api/registry.js';
import { FakeApi, balanceAt, json, portalConfigOf, problem, sessionAt } from '../helpers/fake-api.js';
import { until } from '../helpers/dom.js';
import { useMockApi } from '../helpers/mock-api.js';
import { resetPage } from '../helpers/page.js';

const BASE = 'https://api.utility.test/api/v1';
const money = (amount: string) => ({ amount, currency: 'PLN' });
const CONFIG = {
  ...portalConfigOf('energia'),
  payments: { perTransactionCap: money('4300.00'), feeNote: { pl: 'Bez prowizji.', en: 'No fee.' }, methods: ['blik' as const] },
};

const HOSTILE_CSS = `
  html { font-size: 62.5%; color-scheme: dark; }
  body {
    font: italic small-caps 900 30px/3 'Comic Sans MS', 'DejaVu Serif', cursive;
    color: magenta;
    -webkit-text-fill-color: purple;
    -webkit-text-stroke: 1px orange;
    -webkit-text-security: disc;
    -webkit-font-smoothing: none;
    -webkit-user-modify: read-write;
    -webkit-tap-highlight-color: red;
    text-shadow: 2px 2px 0 red;
    text-decoration: underline wavy red 3px;
    text-underline-offset: 8px;
    text-underline-position: under;
    text-emphasis: dot red;
    text-transform: uppercase;
    text-indent: 40px;
    text-align: center;
    text-align-last: right;
    text-rendering: optimizeSpeed;
    text-wrap: balance;
    letter-spacing: 3px;
    word-spacing: 12px;
    word-break: break-all;
    overflow-wrap: anywhere;
    line-break: anywhere;
    white-space: nowrap;
    hyphens: auto;
    hyphenate-character: '+';
    tab-size: 20;
    direction: rtl;
    color-scheme: dark;
    font-variant-numeric: slashed-zero oldstyle-nums;
    font-feature-settings: 'smcp', 'zero';
    font-kerning: none;
    font-stretch: condensed;
    font-synthesis: none;
    font-optical-sizing: none;
    font-size-adjust: 0.3;
    quotes: '«' '»';
    list-style: square inside;
    caret-color: red;
    accent-color: red;
    cursor: wait;
    user-select: none;
    image-rendering: pixelated;
    fill: red;
    stroke: blue;
    stroke-width: 4px;
    stroke-linecap: square;
    paint-order: stroke;
    border-collapse: collapse;
    border-spacing: 12px;
    caption-side: bottom;
    empty-cells: hide;
    ruby-position: under;
    forced-color-adjust: none;
  }
  * { box-sizing: content-box; }
  .cms-block, .cms-block > *, div > * {
    font-size: 11px; line-height: 9; letter-spacing: 2px; text-align: justify; text-indent: 3em;
    font-family: serif; color: lime; white-space: pre-wrap; direction: rtl;
    /* not inherited but drawn through descendants; on the block itself, as the fixed stage stops the body's */
    text-decoration: underline overline line-through wavy red 2px;
  }
  .cms-block * {
    color: red !important; line-height: 1 !important; text-indent: 99px !important; text-align: right !important;
    text-align-last: center !important; font-size: 60px !important; font-weight: 100 !important;
    white-space: pre !important;
  }
  .cms-block div, .cms-block p, .cms-block span, .cms-block a, .cms-block button, .cms-block input,
  .cms-block label, .cms-block h2, .cms-block ul, .cms-block li, .cms-block svg, .cms-block dialog,
  .cms-block form, .cms-block fieldset {
    background: yellow !important; border: 3px dotted red !important; margin: 7px !important;
    padding: 9px !important; font-size: 5px !important; display: inline !important;
  }
  ::selection { background: red; }
  ::placeholder { color: red; }
  *::-webkit-scrollbar { width: 30px; background: red; }
`;

/**
 * Where the widgets stand: always the same place and width, whatever the page's CSS does around it, and a white
 * page behind (a dark page would show through a dialog's backdrop: the page's, not the widget's).
 */
const STAGE_CSS = `
  html { background: #ffffff !important; }
  #isolation-stage {
    position: fixed !important; top: 0 !important; left: 0 !important; width: 600px !important;
    box-sizing: border-box !important; margin: 0 !important; padding: 16px !important; border: 0 !important;
    background: #ffffff !important;
  }
  #isolation-stage.narrow { width: 320px !important; }
`;

interface Scene {
  name: string;
  serve(): void;
  template(): TemplateResult;
  ready(el: HTMLElement): boolean;
  /** A step after it is ready (open a dialog, submit an empty form). */
  act?(el: HTMLElement): Promise<void> | void;
  /** A phone's width instead of a column of 600 px (the widgets' container queries). */
  narrow?: boolean;
}

const root = (el: Element) => el.shadowRoot!;
const has = (el: Element, selector: string) => !!el.shadowRoot?.querySelector(selector);
const click = (el: Element, selector: string) => root(el).querySelector<HTMLElement>(selector)!.click();
/** The portal configuration has arrived: the field is labelled as the portal says. */
const words = (el: Element) => root(el).textContent ?? '';

/** Data built once, so the two renders of a scene show the very same amounts and dates. */
const balance = balanceAt();
const session = sessionAt();

function api(...routes: [string, string, Response][]): void {
  const fake = new FakeApi();
  for (const [method, path, answer] of routes) fake.on(method, path, answer);
  configure({ apiBase: BASE, fetch: fake.fetch, retry: { retries: 0 } });
}
const signedOut = (): [string, string, Response] => ['GET', '/auth/session', problem(401, 'unauthenticated')];
const signedIn = (): [string, string, Response] => ['GET', '/auth/session', json(200, session)];
const config = (): [string, string, Response] => ['GET', '/portal-config', json(200, CONFIG)];

/** The mock API (the stories' handlers, energia signed in) on one clock, so both renders show the same data. */
const NOW = new Date();
const mocked = () => useMockApi(BASE, { now: () => NOW });
/** Loaded: something shown, and nothing anywhere in it (nested widgets included) still loading. */
const loaded = (el: Element) =>
  words(el).trim().length > 0 && !elementsOf(el).some((e) => e.matches('.status--loading, .skeleton, [aria-busy="true"]'));
/** A later widget's scene: the mock API, rendered once loaded. */
const widget = (name: string, template: () => TemplateResult, extra: Partial<Scene> = {}): Scene => ({
  name,
  serve: mocked,
  template,
  ready: loaded,
  ...extra,
});

const SCENES: Scene[] = [
  {
    name: 'login',
    serve: () => api(signedOut(), config()),
    template: () => html`<ebok-login></ebok-login>`,
    ready: (el) => words(el).includes('E-mail, PESEL lub NIP'),
  },
  {
    name: 'login with field errors',
    serve: () => api(signedOut(), config()),
    template: () => html`<ebok-login></ebok-login>`,
    ready: (el) => words(el).includes('E-mail, PESEL lub NIP'),
    act: async (el) => {
      click(el, '[part="submit"]');
      await until(() => has(el, '#identifier-error'), 'field errors');
    },
  },
  {
    name: 'login in large text',
    serve: () => api(signedOut(), config()),
    template: () => html`<ebok-login text-size="large" theme="water"></ebok-login>`,
    ready: (el) => words(el).includes('E-mail, PESEL lub NIP'),
  },
  {
    name: 'login on a 320 px phone',
    serve: () => api(signedOut(), config()),
    template: () => html`<ebok-login></ebok-login>`,
    ready: (el) => words(el).includes('E-mail, PESEL lub NIP'),
    narrow: true,
  },
  {
    name: 'register',
    serve: () => api(config()),
    template: () => html`<ebok-register login-href="/logowanie" terms-href="/regulamin"></ebok-register>`,
    ready: (el) => has(el, 'form'),
  },
  {
    name: 'password reset',
    serve: () => api(config()),
    template: () => html`<ebok-password-reset login-href="/logowanie"></ebok-password-reset>`,
    ready: (el) => has(el, 'form'),
  },
  {
    name: 'login reminder',
    serve: () => api(config()),
    template: () => html`<ebok-login-reminder></ebok-login-reminder>`,
    ready: (el) => has(el, 'form'),
  },
  {
    name: 'activation without a token',
    serve: () => api(config()),
    template: () => html`<ebok-activation login-href="/logowanie"></ebok-activation>`,
    ready: (el) => has(el, '[aria-busy="false"]') && has(el, '#email'),
  },
  {
    name: 'balance tile',
    serve: () => api(signedIn(), ['GET', '/balance', json(200, balance)], config()),
    template: () => html`<ebok-balance-tile href="/ebok/saldo"></ebok-balance-tile>`,
    ready: (el) => !!el.getAttribute('state') && has(el, '[part="pay"]'),
  },
  {
    name: 'balance tile paying (dialog)',
    serve: () => api(signedIn(), ['GET', '/balance', json(200, balance)], config()),
    template: () => html`<ebok-balance-tile href="/ebok/saldo"></ebok-balance-tile>`,
    // The portal configuration too: "Pay" reads its fee note when clicked, so a late one makes another dialog.
    ready: (el) => !!el.getAttribute('state') && has(el, '[part="pay"]') && (el as unknown as { lazy: { value?: { config: { value?: unknown } } } }).lazy.value?.config.value !== undefined,
    act: async (el) => {
      click(el, '[part="pay"]');
      await until(() => !!root(el).querySelector('ebok-dialog')?.shadowRoot?.querySelector('dialog[open]'), 'dialog open');
    },
  },
  {
    name: 'balance tile on a 320 px phone',
    serve: () => api(signedIn(), ['GET', '/balance', json(200, balance)], config()),
    template: () => html`<ebok-balance-tile href="/ebok/saldo"></ebok-balance-tile>`,
    ready: (el) => !!el.getAttribute('state') && has(el, '[part="pay"]'),
    narrow: true,
  },
  {
    name: 'session bar signed in',
    serve: () => api(signedIn()),
    template: () => html`<ebok-session></ebok-session>`,
    ready: (el) => has(el, '[part="name"]'),
  },
  widget('invoice list', () => html`<ebok-invoice-list></ebok-invoice-list>`),
  widget('payment history', () => html`<ebok-payment-history></ebok-payment-history>`),
  widget('meter reading', () => html`<ebok-meter-reading></ebok-meter-reading>`),
  widget('meter reading on a 320 px phone', () => html`<ebok-meter-reading></ebok-meter-reading>`, { narrow: true }),
  // Drawn: chart.js arrives after the data (its own chunk), and the placeholder stands in for the canvas until then.
  widget('consumption chart', () => html`<ebok-consumption-chart></ebok-consumption-chart>`, { ready: (el) => loaded(el) && !has(el, '.chart__placeholder') }),
  widget('tickets', () => html`<ebok-tickets></ebok-tickets>`),
  widget('ticket form', () => html`<ebok-ticket-form></ebok-ticket-form>`),
  widget('messages', () => html`<ebok-messages></ebok-messages>`),
  widget('profile', () => html`<ebok-profile></ebok-profile>`),
  widget('consents', () => html`<ebok-consents></ebok-consents>`),
  widget('notification settings', () => html`<ebok-notification-settings></ebok-notification-settings>`),
  widget('points', () => html`<ebok-points></ebok-points>`),
  widget('contracts', () => html`<ebok-contracts></ebok-contracts>`),
  widget('tariff change', () => html`<ebok-tariff-change></ebok-tariff-change>`),
  widget('outages', () => html`<ebok-outages></ebok-outages>`),
  widget('account removal', () => html`<ebok-account-removal></ebok-account-removal>`),
  widget('dashboard', () => html`<ebok-dashboard></ebok-dashboard>`),
  widget('portal', () => html`<ebok-portal routing="memory"></ebok-portal>`),
  widget('portal on a 320 px phone', () => html`<ebok-portal routing="memory"></ebok-portal>`, { narrow: true }),
];

/** Every element of the widget's shadow tree, nested shadow trees (a dialog, an inline flow) included. */
function elementsOf(host: Element): Element[] {
  const found: Element[] = [];
  const walk = (parent: ParentNode) => {
    for (const child of parent.children) {
      found.push(child);
      if (child.shadowRoot) walk(child.shadowRoot);
      walk(child);
    }
  };
  walk(root(host));
  return found;
}

function label(el: Element): string {
  const part = el.getAttribute('part');
  return `<${el.localName}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}${part ? ` part="${part}"` : ''}>`;
}

interface Snapshot {
  labels: string[];
  styles: Record<string, string>[];
  rects: DOMRect[];
}

/** Every computed property (custom properties aside: tokens reach in on purpose) of every element. */
function snapshot(host: Element): Snapshot {
  const elements = elementsOf(host);
  return {
    labels: elements.map(label),
    styles: elements.map((el) => {
      const style = getComputedStyle(el);
      const props: Record<string, string> = {};
      for (const name of style) if (!name.startsWith('--')) props[name] = style.getPropertyValue(name);
      return props;
    }),
    rects: elements.map((el) => el.getBoundingClientRect()),
  };
}

function differences(clean: Snapshot, hostile: Snapshot): string[] {
  if (clean.labels.join() !== hostile.labels.join()) return [`the shadow trees differ: ${clean.labels.length} vs ${hostile.labels.length} elements`];
  const found: string[] = [];
  clean.styles.forEach((props, i) => {
    for (const [name, value] of Object.entries(props)) {
      const other = hostile.styles[i]![name];
      if (other !== value) found.push(`${clean.labels[i]} ${name}: ${JSON.stringify(value)} on a clean page, ${JSON.stringify(other)} under the hostile CSS`);
    }
  });
  return found;
}

/** What the widget shows, coarsely: its text and where every element is. */
const signature = (el: HTMLElement) =>
  JSON.stringify([root(el).textContent, elementsOf(el).map((e) => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; })]);

async function settle(el: HTMLElement): Promise<void> {
  await (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  await document.fonts.ready;
  // Ready is not yet still: a late answer (the portal configuration, the session) may render once more.
  let last = signature(el);
  for (let still = 0, start = performance.now(); still < 3; ) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = signature(el);
    still = now === last ? still + 1 : 0;
    last = now;
    if (performance.now() - start > 3000) throw new Error('the widget never stopped changing');
  }
  // No caret and no focus ring in the pictures: both would depend on timing, not on CSS.
  let active = document.activeElement as HTMLElement | null;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
  active?.blur();
  const animations = elementsOf(el).flatMap((e) => e.getAnimations());
  expect(animations.filter((a) => a.effect?.getTiming().iterations === Infinity), 'nothing still loading (a spinner, a skeleton)').to.have.length(0);
  await Promise.all(animations.map((a) => a.finished));
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

interface Shot {
  png: string;
  file?: string;
  width: number;
  height: number;
}

/** A screenshot of what is inside `rect` (the stage, an open dialog), grown to whole pixels. */
async function screenshot(rect: DOMRect, name: string): Promise<Shot> {
  const x = Math.floor(rect.left);
  const y = Math.floor(rect.top);
  const width = Math.ceil(rect.right) - x;
  const height = Math.ceil(rect.bottom) - y;
  const answer = await executeServerCommand<{ png: string; file?: string }, object>('ebok-screenshot', { x, y, width, height, name });
  return { ...answer, width, height };
}

async function pixels(png: string): Promise<ImageData> {
  const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }), { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  return context.getImageData(0, 0, bitmap.width, bitmap.height);
}

/**
 * Anti-aliasing of a rounded corner may come out one step lighter or darker from one raster to the next (seen on
 * the dashboard's cards, at random); a page's CSS reaching in changes colours far more than this.
 */
const RASTER_NOISE = 2;

/** Pixel for pixel (within raster noise): empty when equal, else how many pixels differ and where. */
async function pictureDifference(clean: Shot, hostile: Shot): Promise<string> {
  if (clean.png === hostile.png) return '';
  const where = `(${clean.file} vs ${hostile.file})`;
  if (clean.width !== hostile.width || clean.height !== hostile.height) {
    return `the pictures differ in size: ${clean.width}×${clean.height} vs ${hostile.width}×${hostile.height} ${where}`;
  }
  const [a, b] = await Promise.all([pixels(clean.png), pixels(hostile.png)]);
  let count = 0;
  let [left, top, right, bottom] = [Infinity, Infinity, -1, -1];
  for (let i = 0; i < a.data.length; i += 4) {
    if ([0, 1, 2, 3].every((c) => Math.abs(a.data[i + c]! - b.data[i + c]!) <= RASTER_NOISE)) continue;
    count++;
    const x = (i / 4) % a.width;
    const y = Math.floor(i / 4 / a.width);
    [left, top, right, bottom] = [Math.min(left, x), Math.min(top, y), Math.max(right, x), Math.max(bottom, y)];
  }
  return count ? `${count} pixels differ, within x ${left}–${right}, y ${top}–${bottom} ${where}` : '';
}

interface Render {
  snapshot: Snapshot;
  shots: Shot[];
}

async function render(scene: Scene, hostile: boolean): Promise<Render> {
  resetPage();
  scene.serve();
  const stage = await fixture<HTMLElement>(
    html`<div id="isolation-stage" class=${scene.narrow ? 'narrow' : ''}><div class="cms-block">${scene.template()}</div></div>`,
  );
  const el = stage.querySelector<HTMLElement>('.cms-block > *')!;
  await until(() => scene.ready(el), `${scene.name} ready`);
  await scene.act?.(el);
  await settle(el);
  const tag = `${scene.name.replace(/\W+/g, '-')}-${hostile ? 'hostile' : 'clean'}`;
  const shots = [await screenshot(stage.getBoundingClientRect(), tag)];
  const dialogs = elementsOf(el).filter((e): e is HTMLDialogElement => e instanceof HTMLDialogElement && e.open);
  for (const [i, dialog] of dialogs.entries()) {
    const box = dialog.getBoundingClientRect();
    shots.push(await screenshot(new DOMRect(box.x - 8, box.y - 8, box.width + 16, box.height + 16), `${tag}-dialog${i}`));
  }
  return { snapshot: snapshot(el), shots };
}

describe('isolation from the host page CSS', () => {
  let stageStyle: HTMLStyleElement;
  let hostileStyle: HTMLStyleElement | undefined;

  let darkMeta: HTMLMetaElement | undefined;

  const addHostile = () => {
    hostileStyle = document.createElement('style');
    hostileStyle.textContent = HOSTILE_CSS;
    // A dark page also says so to the browser: then even elements with `color-scheme: normal` turn dark.
    darkMeta = document.createElement('meta');
    darkMeta.name = 'color-scheme';
    darkMeta.content = 'dark';
    document.head.append(hostileStyle, darkMeta);
  };
  const removeHostile = () => {
    hostileStyle?.remove();
    darkMeta?.remove();
    hostileStyle = undefined;
    darkMeta = undefined;
  };

  before(async () => {
    // Tall enough that every widget (and a centred dialog) is inside the viewport, where screenshots are taken.
    await setViewport({ width: 800, height: 1800 });
    stageStyle = document.createElement('style');
    stageStyle.textContent = STAGE_CSS;
    document.head.append(stageStyle);
  });
  after(async () => {
    stageStyle.remove();
    await setViewport({ width: 800, height: 600 });
  });
  afterEach(() => {
    removeHostile();
    resetPage();
  });

  for (const scene of SCENES) {
    it(`keeps ${scene.name} exactly as on a clean page`, async () => {
      // Still pictures: the chart draws at once rather than growing its bars while the screenshot is taken.
      await emulateMedia({ reducedMotion: 'reduce' });
      let clean: Render;
      let hostile: Render;
      try {
        clean = await render(scene, false);
        addHostile();
        hostile = await render(scene, true);
        removeHostile();
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }

      const styles = differences(clean.snapshot, hostile.snapshot);
      expect(styles.length, `computed styles that changed (${styles.length}):\n${styles.slice(0, 40).join('\n')}\n`).to.equal(0);
      expect(hostile.shots.length, 'the same pictures').to.equal(clean.shots.length);
      for (const [i, shot] of clean.shots.entries()) {
        expect(await pictureDifference(shot, hostile.shots[i]!), `picture ${i} of ${scene.name}`).to.equal('');
      }
    });
  }

  it('lets the page hide a region with visibility: hidden, widgets in it included', async () => {
    const scene = SCENES.find((s) => s.name === 'login')!;
    scene.serve();
    const box = await fixture<HTMLElement>(html`<div><ebok-login></ebok-login></div>`);
    const el = box.querySelector<HTMLElement>('ebok-login')!;
    await until(() => scene.ready(el), 'login ready');
    box.style.setProperty('visibility', 'hidden');
    const input = root(el).querySelector('input')!;
    expect(getComputedStyle(input).visibility).to.equal('hidden');
  });

  it('flips to right-to-left for a dir attribute, never for a page rule alone', async () => {
    const scene = SCENES.find((s) => s.name === 'login')!;
    scene.serve();
    addHostile();
    const box = await fixture<HTMLElement>(html`<div class="cms-block">
      <ebok-login id="by-css"></ebok-login>
      <div dir="rtl"><ebok-login id="by-attribute"></ebok-login></div>
    </div>`);
    const [byCss, byAttribute] = ['#by-css', '#by-attribute'].map((id) => box.querySelector<HTMLElement>(id)!) as [HTMLElement, HTMLElement];
    await until(() => scene.ready(byCss) && scene.ready(byAttribute), 'both ready');
    expect(getComputedStyle(root(byCss).querySelector('.base')!).direction).to.equal('ltr');
    expect(getComputedStyle(root(byAttribute).querySelector('.base')!).direction).to.equal('rtl');
  });

  it('leaves the page content inside a provider to the page', async () => {
    api(signedOut(), config());
    addHostile();
    // The same paragraph in a plain element: what the page alone makes of it.
    const box = await fixture<HTMLElement>(html`<div>
      <ebok-provider><p class="page-text">Aktualności</p></ebok-provider>
      <section><p class="page-text">Aktualności</p></section>
    </div>`);
    const [inProvider, plain] = [...box.querySelectorAll('.page-text')].map((p) => getComputedStyle(p)) as [CSSStyleDeclaration, CSSStyleDeclaration];
    for (const name of ['font-family', 'font-size', 'line-height', 'text-align', 'text-indent', 'color', 'letter-spacing', 'white-space', 'direction']) {
      expect(inProvider.getPropertyValue(name), name).to.equal(plain.getPropertyValue(name));
    }
  });
});
