import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { customElement } from 'lit/decorators.js';
import { EbokWidget } from '../../src/kit/widget.js';
import { FormController } from '../../src/kit/form.js';
import { submitButton, textField } from '../../src/kit/fields.js';
import { formFeedback } from '../../src/kit/form.js';
import { formStyles } from '../../src/kit/form.styles.js';
import { configure, getClient } from '../../src/api/registry.js';
import { FakeApi, json, problem, sessionAt } from '../helpers/fake-api.js';
import { until } from '../helpers/dom.js';
import { active, control, fieldError, fill, submit } from '../helpers/harness.js';
import { resetPage } from '../helpers/page.js';

const BASE = 'https://api.utility.test/api/v1';

/** A two-field personal form on the kit, the way a widget builds one. */
@customElement('test-kit-form')
class TestKitForm extends EbokWidget {
  static override styles = [EbokWidget.styles, formStyles];
  sent: unknown[] = [];

  readonly form = new FormController(this, {
    initial: { email: '', phone: '' },
    order: ['email', 'phone'],
    check: (name, values) => {
      if (name === 'email') return values.email.includes('@') ? undefined : 'Podaj adres e-mail.';
      return /^\d{9}$/.test(values.phone) ? undefined : 'Podaj 9 cyfr.';
    },
    body: (values) => ({ email: values.email, phone: values.phone }),
    send: (client, body, key) => client.patch('/customer/contact', { params: { header: { 'Idempotency-Key': key } }, body: body }),
    done: (value) => void this.sent.push(value),
    context: { action: 'send' },
    resumeAfterLogin: true,
  });

  override render() {
    return html`<div class="base">
      ${formFeedback(this.form)}
      <form novalidate @submit=${(e: Event) => (e.preventDefault(), void this.form.submit())}>
        ${textField(this.form.field('email'), { label: 'E-mail', autocomplete: 'email', hint: 'Login' })}
        ${textField(this.form.field('phone'), { label: 'Telefon', autocomplete: 'tel' })}
        ${submitButton(this.form, { label: 'Zapisz' })}
      </form>
    </div>`;
  }
}

describe('FormController and the field kit', () => {
  let api: FakeApi;
  beforeEach(() => {
    resetPage();
    api = new FakeApi().on('GET', '/auth/session', json(200, sessionAt()));
    configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
  });
  afterEach(() => resetPage());
  const form = () => fixture<TestKitForm>(html`<test-kit-form></test-kit-form>`);

  it('shows no error while the customer only tabs through, checks a field on leaving it once typed, and clears the error as soon as it is fixed', async () => {
    const el = await form();
    control(el, 'email').focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(fieldError(el, 'email'), 'tabbing through an empty field').to.equal(undefined);
    await fill(el, 'email', 'jan');
    expect(fieldError(el, 'email')).to.contain('Podaj adres e-mail');
    await fill(el, 'email', 'jan@', false);
    expect(fieldError(el, 'email'), 'checked again on each keystroke while wrong').to.equal(undefined);
  });

  it('describes a field by its error first, then its hint, and marks it invalid', async () => {
    const el = await form();
    expect(control(el, 'email').getAttribute('aria-describedby')).to.equal('email-hint');
    await fill(el, 'email', 'jan');
    expect(control(el, 'email').getAttribute('aria-describedby')).to.equal('email-error email-hint');
    expect(control(el, 'email').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('puts server field errors on their fields by JSON pointer', async () => {
    api.on('PATCH', '/customer/contact', problem(422, 'validation_failed', { fields: [{ field: '/phone', code: 'invalid_format', message: 'Numer jest nieprawidłowy.' }] }));
    const el = await form();
    await fill(el, 'email', 'jan@example.com');
    await fill(el, 'phone', '601234567');
    submit(el);
    await until(() => fieldError(el, 'phone') !== undefined, 'the server error on the phone field');
    expect(fieldError(el, 'phone')).to.contain('Numer jest nieprawidłowy');
    expect(active(el)?.id).to.equal('phone');
  });

  it('on a 401 keeps the form, asks to log in, and resends with the same key once the customer has', async () => {
    api.on('PATCH', '/customer/contact', problem(401, 'session_expired'), json(200, { email: 'jan@example.com' }));
    const el = await form();
    await fill(el, 'email', 'jan@example.com');
    await fill(el, 'phone', '601234567');
    submit(el);
    await until(() => el.form.action.waitingForLogin, 'waiting for the login');
    expect(el.shadowRoot!.textContent).to.contain('Zaloguj się ponownie');
    expect(control(el, 'phone').value).to.equal('601234567');
    getClient(BASE)!.signedIn(sessionAt());
    await until(() => el.sent.length === 1, 'sent again after the login');
    const [first, second] = api.calls('PATCH', '/customer/contact').map((call) => call.headers.get('Idempotency-Key'));
    expect(second).to.equal(first);
  });
});
