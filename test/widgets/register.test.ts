import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/widgets/register/ebok-register.js';
import type { EbokRegister } from '../../src/widgets/register/register.js';
import type { EbokNavigateEvent, EbokRegisterSuccessEvent } from '../../src/core/events.js';
import { configure } from '../../src/api/registry.js';
import { FakeApi, json, problem, portalConfigOf } from '../helpers/fake-api.js';
import { shadow, until } from '../helpers/dom.js';
import { EMPTY_VALUES, fieldOfPointer, registerBody } from '../../src/widgets/register/register.logic.js';
import { formatLifetime } from '../../src/i18n/format.js';
import { useMockApi } from '../helpers/mock-api.js';
import { resetPage } from '../helpers/page.js';
import { active, control, fieldError, fill, noticeText, submit, words } from '../helpers/harness.js';

const BASE = 'https://api.utility.test/api/v1';
/** The demo energy portal's configuration (the same world as the reference server and the mocks). */
const CONFIG = portalConfigOf('energia');
const ACCEPTED = { activationLinkExpiresInSeconds: 259200, maskedEmail: 'j*********i@e*****e.com' };
const PASSWORD = 'Zielona-Herbata-7';



async function check(el: EbokRegister, id: string) {
  const box = control(el, id);
  box.click();
  await el.updateComplete;
}

async function fillValid(el: EbokRegister) {
  await fill(el, 'idNumber', '44051401359');
  await fill(el, 'proof', '1200345678');
  await fill(el, 'email', 'jan.kowalski@example.com');
  await fill(el, 'phone', '601 234 567');
  await fill(el, 'password', PASSWORD);
  await fill(el, 'passwordRepeat', PASSWORD);
  await check(el, 'terms');
}


describe('<ebok-register>', () => {
  let api: FakeApi;

  function serve(config: object = CONFIG, ...answers: Response[]) {
    api = new FakeApi().on('GET', '/portal-config', json(200, config));
    if (answers.length) api.on('POST', '/auth/register', ...answers);
    configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
  }

  async function form(template = html`<ebok-register login-href="/logowanie" terms-href="/regulamin"></ebok-register>`) {
    const el = await fixture<EbokRegister>(template);
    await until(() => !!el.shadowRoot?.querySelector('form') || !!el.shadowRoot?.querySelector('.status--error'), 'form ready');
    return el;
  }

  beforeEach(() => resetPage());
  afterEach(() => resetPage());

  describe('logic', () => {
    it('maps JSON pointers to fields', () => {
      expect(fieldOfPointer('/pesel')).to.equal('idNumber');
      expect(fieldOfPointer('/nip')).to.equal('idNumber');
      expect(fieldOfPointer('/pointCode')).to.equal('proof');
      expect(fieldOfPointer('/consents/terms')).to.equal('terms');
      expect(fieldOfPointer('/unknown')).to.equal(undefined);
    });

    it('builds a normalized body only from valid values', () => {
      const config = CONFIG;
      expect(registerBody(EMPTY_VALUES, config)).to.equal(undefined);
      const body = registerBody(
        { ...EMPTY_VALUES, kind: 'business', idNumber: 'PL 856-734-62-15', proofKind: 'pointCode', proof: '5902 4380 0000 0000 12', email: ' Jan@Example.COM ', phone: '', password: PASSWORD, passwordRepeat: PASSWORD, terms: true },
        config,
      );
      expect(body).to.deep.equal({
        nip: '8567346215',
        pointCode: '590243800000000012',
        email: 'Jan@example.com',
        password: PASSWORD,
        consents: { terms: true, marketing: [], eInvoice: false },
      });
    });

    it('says link lifetimes in hours and minutes', () => {
      expect(formatLifetime(259200)).to.equal('72 godziny');
      expect(formatLifetime(3600)).to.equal('1 godzina');
      expect(formatLifetime(5400)).to.equal('1 godzina 30 minut');
      expect(formatLifetime(900)).to.equal('15 minut');
    });
  });

  describe('checks in the browser', () => {
    it('refuses an invalid PESEL on its field, focuses it, announces the count and sends nothing', async () => {
      serve();
      const el = await form();
      await expect(el).to.be.accessible();
      await fillValid(el);
      await fill(el, 'idNumber', '44051401358');
      expect(fieldError(el, 'idNumber'), 'checked on leaving the field').to.contain('PESEL jest niepoprawny');
      submit(el);
      await until(() => active(el)?.id === 'idNumber', 'focus on the PESEL');
      const field = control(el, 'idNumber');
      expect(field.getAttribute('aria-invalid')).to.equal('true');
      expect(field.getAttribute('aria-describedby')).to.contain('idNumber-error');
      const summary = shadow(el, '[part="error-summary"]');
      expect(summary.getAttribute('role')).to.equal('alert');
      expect(summary.textContent).to.contain('1 błąd');
      expect(api.calls('POST', '/auth/register')).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('refuses an invalid NIP for a business', async () => {
      serve();
      const el = await form();
      await fillValid(el);
      await check(el, 'kind-business');
      expect(shadow(el, 'label[for="idNumber"]').textContent).to.contain('NIP');
      await fill(el, 'idNumber', '8567346216');
      submit(el);
      await until(() => active(el)?.id === 'idNumber', 'focus on the NIP');
      expect(fieldError(el, 'idNumber')).to.contain('NIP jest niepoprawny');
      expect(api.calls('POST', '/auth/register')).to.have.length(0);
    });

    it('refuses a PPE with a wrong check digit, and accepts legacy codes only when the portal allows', async () => {
      serve();
      const el = await form();
      await fillValid(el);
      await check(el, 'proofKind-pointCode');
      await fill(el, 'proof', '590243800000000013');
      submit(el);
      await until(() => active(el)?.id === 'proof', 'focus on the PPE');
      expect(fieldError(el, 'proof')).to.contain('PPE jest niepoprawny');
      await fill(el, 'proof', 'ABC12345');
      expect(fieldError(el, 'proof')).to.contain('18 cyfr');
      expect(api.calls('POST', '/auth/register')).to.have.length(0);
    });

    it('accepts a legacy point code when allowLegacyPointCodes is on', async () => {
      serve({ ...CONFIG, allowLegacyPointCodes: true }, json(201, ACCEPTED));
      const el = await form();
      await fillValid(el);
      await check(el, 'proofKind-pointCode');
      await fill(el, 'proof', 'abc12345');
      expect(fieldError(el, 'proof')).to.equal(undefined);
      submit(el);
      await until(() => api.calls('POST', '/auth/register').length === 1, 'sent');
      expect((JSON.parse(api.calls('POST', '/auth/register')[0]!.body) as { pointCode: string }).pointCode).to.equal('ABC12345');
    });

    it('counts every error of an empty form and focuses the first', async () => {
      serve();
      const el = await form();
      submit(el);
      await until(() => active(el)?.id === 'idNumber', 'focus on the first field');
      expect(shadow(el, '[part="error-summary"]').textContent).to.contain('6 błędów');
      expect(fieldError(el, 'phone'), 'the phone is optional').to.equal(undefined);
      expect(fieldError(el, 'terms')).to.contain('regulamin');
      await expect(el).to.be.accessible();
    });

    it('does not flag empty fields when the customer only tabs through', async () => {
      serve();
      const el = await form();
      control(el, 'idNumber').focus();
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      expect(el.shadowRoot!.querySelectorAll('[aria-invalid="true"]')).to.have.length(0);
    });

    it('updates the password checklist as the customer types and says the strength in words', async () => {
      serve();
      const el = await form();
      const rule = (name: string) => shadow(el, `[data-rule="${name}"]`);
      control(el, 'password').focus();
      await sendKeys({ type: 'abc' });
      await el.updateComplete;
      expect(rule('needs_lower').className).to.equal('met');
      expect(rule('needs_upper').className).to.equal('unmet');
      expect(rule('needs_upper').textContent).to.contain('jeszcze nie');
      expect(shadow(el, '[part="strength"]').textContent).to.contain('Siła hasła: bardzo słabe');
      await sendKeys({ type: 'Zielona-Herbata-7' });
      await el.updateComplete;
      for (const name of ['too_short', 'needs_upper', 'needs_lower', 'needs_digit']) expect(rule(name).className, name).to.equal('met');
      expect(shadow(el, '[part="strength"]').textContent).to.match(/Siła hasła: (silne|bardzo silne)/);
      expect(shadow(el, 'meter').getAttribute('aria-label')).to.equal('Siła hasła');
      expect(control(el, 'password').getAttribute('aria-describedby')).to.contain('password-rules');
      expect(control(el, 'password').autocomplete).to.equal('new-password');
      await expect(el).to.be.accessible();
    });

    it('shows and hides both passwords with one toggle', async () => {
      serve();
      const el = await form();
      const toggle = shadow<HTMLButtonElement>(el, '[part="reveal"]');
      expect(control(el, 'password').type).to.equal('password');
      toggle.click();
      await el.updateComplete;
      expect(toggle.getAttribute('aria-pressed')).to.equal('true');
      expect(control(el, 'password').type).to.equal('text');
      expect(control(el, 'passwordRepeat').type).to.equal('text');
    });

    it('says when the repeated password differs', async () => {
      serve();
      const el = await form();
      await fill(el, 'password', PASSWORD);
      await fill(el, 'passwordRepeat', `${PASSWORD}x`);
      expect(fieldError(el, 'passwordRepeat')).to.contain('różnią');
    });

    it('hints that the e-mail must match the contract when the portal says so', async () => {
      serve({ ...CONFIG, registrationEmailMustMatchContract: true });
      const el = await form();
      expect(shadow(el, '#email-hint').textContent).to.contain('zapisany w umowie');
      expect(control(el, 'email').autocomplete).to.equal('email');
      expect(control(el, 'phone').autocomplete).to.equal('tel');
    });
  });

  describe('sending', () => {
    it('sends one request with an Idempotency-Key and normalized values, even on a double submit, then explains the activation link', async () => {
      serve(CONFIG, json(201, ACCEPTED));
      const el = await form();
      await fillValid(el);
      const done: Promise<EbokRegisterSuccessEvent> = oneEvent(el, 'ebok-register-success');
      submit(el);
      submit(el);
      shadow<HTMLFormElement>(el, 'form').requestSubmit();
      const event = await done;
      expect(event.detail).to.deep.equal(ACCEPTED);
      const posts = api.calls('POST', '/auth/register');
      expect(posts).to.have.length(1);
      expect(posts[0]!.headers.get('Idempotency-Key')).to.match(/^[0-9a-f-]{36}$/);
      expect(JSON.parse(posts[0]!.body)).to.deep.equal({
        pesel: '44051401359',
        customerNumber: '1200345678',
        email: 'jan.kowalski@example.com',
        phone: '+48601234567',
        password: PASSWORD,
        consents: { terms: true, marketing: [], eInvoice: false },
      });
      await el.updateComplete;
      const result = shadow(el, '[part="result"]');
      expect(result.textContent).to.contain('j*********i@e*****e.com').and.contain('72 godziny');
      expect(result.querySelector('[role="status"]')).to.exist;
      expect(active(el), 'focus moves to the answer').to.equal(result);
      await expect(el).to.be.accessible();
    });

    it('puts server field errors on their fields by JSON pointer, keeping what was typed', async () => {
      serve(
        CONFIG,
        problem(422, 'validation_failed', {
          fields: [
            { field: '/email', code: 'invalid_format', message: 'Zły e-mail.' },
            { field: '/consents/terms', code: 'must_be_true', message: 'Zaakceptuj regulamin.' },
            { field: '/password', code: 'password_breached', message: 'Wyciekło.' },
          ],
        }),
      );
      const el = await form();
      await fillValid(el);
      submit(el);
      await until(() => !!fieldError(el, 'email'), 'server errors shown');
      expect(fieldError(el, 'email')).to.contain('nazwa@domena.pl');
      expect(fieldError(el, 'terms')).to.contain('regulamin');
      expect(fieldError(el, 'password')).to.contain('wycieku');
      expect(fieldError(el, 'idNumber')).to.equal(undefined);
      await until(() => active(el)?.id === 'email', 'focus on the first field the server refused');
      expect(shadow(el, '[part="error-summary"]').textContent).to.contain('3 błędy');
      expect(control(el, 'idNumber').value).to.equal('44051401359');
      expect(control(el, 'password').value).to.equal(PASSWORD);
      await expect(el).to.be.accessible();
    });

    it('keeps everything on a server or network error, says so, and the retry reuses the key', async () => {
      serve(CONFIG, problem(500, 'internal_error'), json(201, ACCEPTED));
      const el = await form();
      await fillValid(el);
      submit(el);
      expect(await noticeText(el, 'error shown')).to.contain('Wpisane dane zostały w formularzu');
      expect(shadow(el, '[part~="notice"] [role="alert"]'), 'the failure is announced').to.exist;
      expect(control(el, 'email').value).to.equal('jan.kowalski@example.com');
      expect(control(el, 'terms').checked).to.equal(true);
      await expect(el).to.be.accessible();
      submit(el);
      await until(() => !!el.shadowRoot?.querySelector('[part="result"]'), 'sent again');
      const [first, second] = api.calls('POST', '/auth/register').map((s) => s.headers.get('Idempotency-Key'));
      expect(second).to.equal(first);
    });

    it('says when the network is down', async () => {
      serve(CONFIG);
      api.on('POST', '/auth/register', new TypeError('Failed to fetch'));
      const el = await form();
      await fillValid(el);
      submit(el);
      await until(() => words(el).includes('Nie udało się połączyć'), 'offline message');
      expect(control(el, 'idNumber').value).to.equal('44051401359');
    });

    it('changed data after an error gets a new Idempotency-Key', async () => {
      serve(CONFIG, problem(503, 'service_unavailable'), json(201, ACCEPTED));
      const el = await form();
      await fillValid(el);
      submit(el);
      await noticeText(el, 'error shown');
      await fill(el, 'email', 'jan.nowak@example.com');
      submit(el);
      await until(() => api.calls('POST', '/auth/register').length === 2, 'sent again');
      const [first, second] = api.calls('POST', '/auth/register').map((s) => s.headers.get('Idempotency-Key'));
      expect(second).to.not.equal(first);
    });
  });

  describe('keyboard', () => {
    it('can be filled in and sent with the keyboard alone', async () => {
      serve(CONFIG, json(201, ACCEPTED));
      const el = await form();
      const tab = () => sendKeys({ press: 'Tab' });
      shadow<HTMLInputElement>(el, '#kind-person').focus();
      await tab();
      expect(active(el)?.id).to.equal('idNumber');
      await sendKeys({ type: '44051401359' });
      await tab();
      expect(active(el)?.id).to.equal('proofKind-customerNumber');
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(control(el, 'proofKind-pointCode').checked, 'arrow keys pick the PPE').to.equal(true);
      await tab();
      expect(active(el)?.id).to.equal('proof');
      await sendKeys({ type: '590243800000000012' });
      await tab();
      await sendKeys({ type: 'jan.kowalski@example.com' });
      await tab();
      await tab(); // the phone is optional
      expect(active(el)?.id).to.equal('password');
      await sendKeys({ type: PASSWORD });
      await tab();
      expect(active(el)?.getAttribute('part')).to.equal('reveal');
      await tab();
      expect(active(el)?.id).to.equal('passwordRepeat');
      await sendKeys({ type: PASSWORD });
      await tab();
      expect(active(el)?.id).to.equal('terms');
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(control(el, 'terms').checked).to.equal(true);
      control(el, 'passwordRepeat').focus();
      await sendKeys({ press: 'Enter' });
      await until(() => api.calls('POST', '/auth/register').length === 1, 'sent with Enter');
      expect(JSON.parse(api.calls('POST', '/auth/register')[0]!.body)).to.deep.include({ pointCode: '590243800000000012' });
      await until(() => active(el)?.getAttribute('part') === 'result', 'focus on the answer');
    });

    it('the error summary moves focus to the field it names', async () => {
      serve();
      const el = await form();
      await fillValid(el);
      await fill(el, 'email', 'jan@');
      submit(el);
      await until(() => active(el)?.id === 'email', 'focus');
      control(el, 'idNumber').focus();
      shadow<HTMLButtonElement>(el, '[part="error-summary"] button').click();
      expect(active(el)?.id).to.equal('email');
    });
  });

  describe('other states', () => {
    it('shows loading while the portal configuration comes', async () => {
      api = new FakeApi().on('GET', '/portal-config', 'hang');
      configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
      const el = await fixture<EbokRegister>(html`<ebok-register></ebok-register>`);
      await until(() => words(el).includes('Wczytywanie'), 'loading');
      expect(shadow(el, '[role="status"]')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('shows an error with a retry when the configuration fails', async () => {
      api = new FakeApi().on('GET', '/portal-config', problem(500, 'internal_error'), json(200, CONFIG));
      configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
      const el = await form(html`<ebok-register></ebok-register>`);
      expect(words(el)).to.contain('Nie udało się wczytać formularza');
      await expect(el).to.be.accessible();
      shadow<HTMLButtonElement>(el, '[part~="retry"]').click();
      await until(() => !!el.shadowRoot?.querySelector('form'), 'form after retry');
    });

    it('renders nothing and takes no room when registration is switched off', async () => {
      serve({ ...CONFIG, features: { registration: false } });
      const el = await fixture<EbokRegister>(html`<ebok-register></ebok-register>`);
      await until(() => el.hidden === true, 'hidden once the portal said registration is off');
      expect(el.shadowRoot!.querySelector('.base')).to.equal(null);
      expect(el.getBoundingClientRect().height).to.equal(0);
    });

    it('is readable on a 320 px phone: nothing overflows sideways and every target is at least 44 px', async () => {
      serve();
      await setViewport({ width: 320, height: 640 });
      try {
        const el = await form();
        await fillValid(el);
        submit(el);
        await el.updateComplete;
        await fill(el, 'email', 'jan@');
        const base = shadow(el, '[part="base"]');
        expect(base.scrollWidth, 'no horizontal scrolling').to.be.at.most(base.clientWidth + 1);
        expect(el.getBoundingClientRect().width).to.be.at.most(320);
        for (const target of el.shadowRoot!.querySelectorAll<HTMLElement>('button, a, .check')) {
          expect(target.getBoundingClientRect().height, target.outerHTML.slice(0, 60)).to.be.at.least(44);
        }
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });

    it('uses the heading level it is given and fires ebok-navigate for "log in"', async () => {
      serve();
      const el = await form(html`<ebok-register heading-level="3" login-href="/logowanie"></ebok-register>`);
      expect(shadow(el, '[role="heading"]').getAttribute('aria-level')).to.equal('3');
      const link = shadow<HTMLAnchorElement>(el, '[part="login"]');
      link.addEventListener('click', (e) => e.preventDefault(), { once: true });
      const navigate: Promise<EbokNavigateEvent> = oneEvent(el, 'ebok-navigate');
      link.click();
      expect((await navigate).detail).to.deep.equal({ target: 'login', href: '/logowanie' });
    });
  });

  describe('against the mock API (the contract\'s rules)', () => {
    function useMock() {
      useMockApi(BASE);
    }

    it('a person with PESEL and customer number is accepted', async () => {
      useMock();
      const el = await form();
      await fillValid(el);
      submit(el);
      await until(() => !!el.shadowRoot?.querySelector('[part="result"]'), 'accepted');
      expect(words(el)).to.contain('72 godziny').and.contain('j***');
    });

    it('a business with NIP and PPE is accepted', async () => {
      useMock();
      const el = await form();
      await fillValid(el);
      await check(el, 'kind-business');
      await fill(el, 'idNumber', '856-734-62-15');
      await check(el, 'proofKind-pointCode');
      await fill(el, 'proof', '590243800000000012');
      await fill(el, 'phone', '');
      submit(el);
      await until(() => !!el.shadowRoot?.querySelector('[part="result"]'), 'accepted');
    });
  });
});
