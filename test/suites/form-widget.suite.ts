/**
 * The shared suite of every form widget (Shoelace's form-control tests, Lion's test-suites): what a customer
 * must find in any form of the portal, checked the same way for each. A widget's own test file keeps what
 * only it does; this keeps the promises every form makes.
 */
import { expect, fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { configure } from '../../src/api/registry.js';
import { currentLocale, localeReady } from '../../src/i18n/locale.js';
import { FakeApi, problem } from '../helpers/fake-api.js';
import { until } from '../helpers/dom.js';
import { active, control, noticeText, submit } from '../helpers/harness.js';
import { resetPage } from '../helpers/page.js';
import { polishIn } from '../helpers/polish.js';

const BASE = 'https://api.utility.test/api/v1';

export interface FormWidgetSpec {
  /** How the suite names the widget (and which form of it). */
  name: string;
  template: () => TemplateResult;
  /** Answers the widget needs before its form shows (the portal config …). */
  serve: (api: FakeApi) => void;
  /** The request the form sends. */
  path: string;
  /** A successful answer to it. */
  success: () => Response;
  /** Types valid values, as a customer would. */
  fill: (el: HTMLElement & { updateComplete: Promise<unknown> }) => Promise<void>;
  /** The fields whose values must survive a failure. */
  kept: readonly string[];
  /** The field an empty submit focuses first. */
  firstField: string;
  /** The request carries an Idempotency-Key (every state change does; a login does not). */
  idempotent: boolean;
  /** Where the widget shows its answer, once sent. */
  done: (el: HTMLElement) => boolean;
  /**
   * Where focus goes after a failure: the submit button (press Enter to try again), or the notice when the
   * notice itself holds the way on ("Try again", a countdown) as in the login.
   */
  failureFocus?: 'submit' | 'notice';
}

export function formWidgetSuite(spec: FormWidgetSpec): void {
  describe(`${spec.name}: the promises of every form`, () => {
    let api: FakeApi;

    async function open(...answers: (Response | Error)[]) {
      api = new FakeApi();
      spec.serve(api);
      if (answers.length) api.on('POST', spec.path, ...answers);
      configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
      const el = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(spec.template());
      await until(() => !!el.shadowRoot?.querySelector('form'), `${spec.name} form`);
      return el;
    }

    beforeEach(() => resetPage());
    afterEach(async () => {
      // Back to Polish while the widget is still on the page (the page's language follows its widgets).
      document.documentElement.removeAttribute('lang');
      await until(() => currentLocale() === 'pl', 'back to Polish');
      await localeReady();
      resetPage();
      history.replaceState(null, '', location.pathname);
    });

    it('sends one request for a double submit', async () => {
      const el = await open(spec.success());
      await spec.fill(el);
      submit(el);
      submit(el);
      el.shadowRoot!.querySelector('form')!.requestSubmit();
      await until(() => spec.done(el), 'the answer');
      expect(api.calls('POST', spec.path)).to.have.length(1);
    });

    it(spec.idempotent ? 'sends the same data again with the same Idempotency-Key after a failure' : 'sends again after a failure', async () => {
      const el = await open(problem(503, 'service_unavailable'), spec.success());
      await spec.fill(el);
      submit(el);
      await noticeText(el, 'the failure');
      submit(el);
      await until(() => spec.done(el), 'the answer after trying again');
      const keys = api.calls('POST', spec.path).map((call) => call.headers.get('Idempotency-Key'));
      expect(keys).to.have.length(2);
      if (spec.idempotent) {
        expect(keys[0], 'a key is sent').to.match(/^[0-9a-f-]{36}$/);
        expect(keys[1], 'the retry is answered from the record, not done twice').to.equal(keys[0]);
      } else expect(keys, 'no key where the contract has none').to.deep.equal([null, null]);
    });

    it(`keeps what was typed after a failure, says so in an announced notice, and focuses ${spec.failureFocus === 'notice' ? 'the notice with "Try again"' : 'the submit button'}`, async () => {
      const el = await open(new TypeError('Failed to fetch'));
      await spec.fill(el);
      const typed = spec.kept.map((id) => control(el, id).value);
      submit(el);
      const text = await noticeText(el, 'the failure');
      expect(text).to.contain('Nie udało się połączyć z serwerem');
      expect(el.shadowRoot!.querySelector('[part~="notice"] [role="alert"]'), 'announced').to.exist;
      expect(spec.kept.map((id) => control(el, id).value), 'nothing typed is lost').to.deep.equal(typed);
      if (spec.failureFocus === 'notice') {
        await until(() => active(el)?.id === 'notice', 'focus on the notice');
        expect(el.shadowRoot!.querySelector('[part~="notice"] [part="retry"]'), 'the way to try again is in it').to.exist;
      } else await until(() => active(el)?.getAttribute('part') === 'submit', 'focus on the submit button, to try again');
      await expect(el).to.be.accessible();
    });

    it('on an empty submit focuses the first wrong field, announces how many are wrong and sends nothing', async () => {
      const el = await open(spec.success());
      submit(el);
      await until(() => active(el)?.id === spec.firstField, 'focus on the first wrong field');
      const summary = el.shadowRoot!.querySelector('[part="error-summary"]');
      expect(summary?.getAttribute('role')).to.equal('alert');
      expect(summary?.textContent).to.match(/Formularz ma \d+ (błąd|błędy|błędów)/);
      expect(control(el, spec.firstField).getAttribute('aria-invalid')).to.equal('true');
      expect(control(el, spec.firstField).getAttribute('aria-describedby')).to.contain(`${spec.firstField}-error`);
      expect(api.calls('POST', spec.path)).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('is accessible and all English with the errors shown in English', async () => {
      document.documentElement.lang = 'en';
      const el = await open(spec.success());
      await until(() => currentLocale() === 'en', 'the page speaks English');
      await localeReady();
      await el.updateComplete;
      submit(el);
      await until(() => !!el.shadowRoot!.querySelector('[part="error-summary"]'), 'errors shown');
      const words = el.shadowRoot!.textContent.replace(/\s+/g, ' ');
      expect(await polishIn(words), `Polish left in English: "${words}"`).to.deep.equal([]);
      expect(el.shadowRoot!.querySelector('[part="error-summary"]')!.textContent).to.match(/The form has \d+ error/);
      await expect(el).to.be.accessible();
    });
  });
}
