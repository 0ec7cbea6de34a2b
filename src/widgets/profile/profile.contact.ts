import { msg, str } from '@lit/localize';
import type { EbokClient } from '../../api/client.js';
import { EbokApiError } from '../../api/errors.js';
import { malformedResponse } from '../../api/diagnostics.js';
import { ActionController, type ApiHost } from '../../kit/action.js';
import { FormController } from '../../kit/form.js';
import { NoticeController } from '../../kit/notice.js';
import { emailError, phoneError } from '../../kit/messages.js';
import { paramsFromUrl, replaceUrl, urlWithParams } from '../../kit/url-state.js';
import type { ProfileChange } from './profile.events.js';
import { codeProblem, emailProblem, isProfile, maskedPhone, normalizedPhone, phoneProblem, type Profile } from './profile.logic.js';

/** What the widget does with an answer of the contact operations: shows it, says what changed, fires the event. */
export interface ContactHost extends ApiHost {
  readonly profile: Profile | undefined;
  changed(profile: Profile, section: 'phone' | 'email', change: ProfileChange, notice: NoticeController, text: string): void;
}

type Channel = 'phone' | 'email';

/** The address parameter of the e-mailed link: `?ebok-email-token=`. */
const TOKEN_NAMES = { token: 'email-token' } as const;

async function profileFrom(client: EbokClient, answer: Promise<unknown>, what: string): Promise<Profile> {
  const value = await answer;
  if (!isProfile(value)) throw malformedResponse(client.apiBase, `${what} answered without the profile`);
  return value;
}

/** The code or link of the confirmation in words, when the API refused it (wrong, expired, tried too often). */
function codeRefusal(error: unknown): string | undefined {
  if (!(error instanceof EbokApiError)) return undefined;
  if (error.code === 'too_many_attempts') return msg('Za dużo błędnych prób. Poproś o nowy kod.');
  const field = error.fields.find((f) => f.field === '/phone/code' || f.field === '/email/token');
  if (!field) return undefined;
  if (field.code === 'expired') return field.field === '/email/token' ? msg('Ten link wygasł, został zastąpiony nowszym albo już go użyto. Poproś o nowy link.') : msg('Kod wygasł albo został już użyty. Poproś o nowy kod.');
  const left = Number(field.params?.attemptsLeft);
  if (field.code === 'incorrect' && Number.isFinite(left)) return left > 0 ? msg(str`Kod jest nieprawidłowy. Pozostało prób: ${left}.`) : msg('Kod jest nieprawidłowy. Poproś o nowy kod.');
  return field.code === 'incorrect' ? msg('Kod jest nieprawidłowy. Sprawdź SMS i wpisz kod jeszcze raz.') : undefined;
}

/**
 * The contact section of `<ebok-profile>`: the phone (a new number waits for the SMS code sent to it) and the
 * e-mail (the login; needs the current password and waits for the link sent to the new address), with resend
 * and cancel for a pending change, and the link's token confirmed when the page opens with `?ebok-email-token=`.
 */
export class ContactForms {
  readonly phoneNotice: NoticeController;
  readonly emailNotice: NoticeController;
  readonly phone: FormController<{ phone: string }, { phone: string }, Profile>;
  readonly code: FormController<{ phoneCode: string }, { phone: { code: string } }, Profile>;
  readonly email: FormController<{ email: string; emailPassword: string }, { email: string; currentPassword: string }, Profile>;
  /** Resend or cancel a pending change. */
  readonly pending: ActionController<{ channel: Channel; what: 'resend' | 'cancel' }, Profile>;
  /** The e-mailed link's token, confirmed once signed in. */
  readonly link: ActionController<string, Profile>;
  private linkTried: string | undefined;

  constructor(private readonly host: ContactHost) {
    this.phoneNotice = new NoticeController(host, 'phone-notice');
    this.emailNotice = new NoticeController(host, 'email-notice');
    this.phone = new FormController(host, {
      initial: { phone: '' },
      order: ['phone'],
      notice: this.phoneNotice,
      check: (_name, values) => {
        const problem = phoneProblem(values.phone, host.profile?.phone ?? null);
        if (!problem) return undefined;
        return problem.check === 'same' ? msg('To jest Twój obecny numer. Wpisz nowy.') : phoneError(problem.reason);
      },
      body: (values) => {
        const phone = normalizedPhone(values.phone);
        return phone ? { phone } : undefined;
      },
      send: (client, body, key) => profileFrom(client, client.patch('/customer/contact', { params: { header: { 'Idempotency-Key': key } }, body }), 'PATCH /customer/contact'),
      done: (profile, body) => {
        this.phone.reset();
        host.changed(profile, 'phone', 'pending', this.phoneNotice, msg(str`Wysłaliśmy SMS z kodem na numer ${maskedPhone(body.phone)}. Wpisz go poniżej, aby potwierdzić nowy numer.`));
        this.code.focus.next(this.code.field('phoneCode').ref);
      },
      resumeAfterLogin: true,
      context: { action: 'send' },
    });
    this.code = new FormController(host, {
      initial: { phoneCode: '' },
      order: ['phoneCode'],
      notice: this.phoneNotice,
      fieldOf: (pointer) => (pointer === '/phone/code' ? 'phoneCode' : undefined),
      check: (_name, values) => {
        const problem = codeProblem(values.phoneCode);
        if (!problem) return undefined;
        return problem === 'empty' ? msg('Wpisz kod z SMS-a.') : msg('Kod ma 6 cyfr.');
      },
      body: (values) => (codeProblem(values.phoneCode) ? undefined : { phone: { code: values.phoneCode.replace(/\s/g, '') } }),
      send: (client, body, key) => profileFrom(client, client.post('/customer/contact/confirmation', { params: { header: { 'Idempotency-Key': key } }, body }), 'POST /customer/contact/confirmation'),
      done: (profile) => {
        this.code.reset();
        host.changed(profile, 'phone', 'confirmed', this.phoneNotice, msg(str`Numer telefonu zmieniony na ${maskedPhone(profile.phone ?? '')}.`));
      },
      failed: (error) => {
        const text = codeRefusal(error);
        if (!text) return false;
        this.code.setErrors({ phoneCode: text });
        return true;
      },
      resumeAfterLogin: true,
      context: { action: 'send' },
    });
    this.email = new FormController(host, {
      initial: { email: '', emailPassword: '' },
      order: ['email', 'emailPassword'],
      notice: this.emailNotice,
      fieldOf: (pointer) => (pointer === '/email' ? 'email' : pointer === '/currentPassword' ? 'emailPassword' : undefined),
      serverText: (field) => (field.field === '/currentPassword' && field.code === 'incorrect' ? msg('Obecne hasło jest nieprawidłowe.') : undefined),
      check: (name, values) => {
        if (name === 'emailPassword') return values.emailPassword === '' ? msg('Wpisz obecne hasło.') : undefined;
        const problem = emailProblem(values.email, host.profile?.email ?? '');
        if (!problem) return undefined;
        return problem.check === 'same' ? msg('To jest Twój obecny adres. Wpisz nowy.') : emailError(problem.reason);
      },
      body: (values) => (emailProblem(values.email, host.profile?.email ?? '') || !values.emailPassword ? undefined : { email: values.email.trim(), currentPassword: values.emailPassword }),
      send: (client, body, key) => profileFrom(client, client.patch('/customer/contact', { params: { header: { 'Idempotency-Key': key } }, body }), 'PATCH /customer/contact'),
      done: (profile, body) => {
        this.email.reset();
        host.changed(profile, 'email', 'pending', this.emailNotice, msg(str`Wysłaliśmy link na adres ${body.email}. Otwórz go, aby potwierdzić nowy adres. Do tego czasu logujesz się dotychczasowym.`));
      },
      resumeAfterLogin: true,
      context: { action: 'send' },
    });
    this.pending = new ActionController(host, {
      send: (client, body, key) => {
        const init = { params: { path: { channel: body.channel }, header: { 'Idempotency-Key': key } } };
        const answer = body.what === 'resend' ? client.post('/customer/contact/pending/{channel}/resend', init) : client.delete('/customer/contact/pending/{channel}', init);
        return profileFrom(client, answer, `${body.what} of the pending ${body.channel}`);
      },
      done: (profile, body) => {
        const notice = this.noticeOf(body.channel);
        if (body.what === 'cancel') {
          if (body.channel === 'phone') this.code.reset();
          host.changed(profile, body.channel, 'cancelled', notice, body.channel === 'phone' ? msg('Zmiana numeru telefonu została anulowana.') : msg('Zmiana adresu e-mail została anulowana.'));
        } else {
          host.changed(profile, body.channel, 'pending', notice, body.channel === 'phone' ? msg('Wysłaliśmy nowy kod. Poprzedni już nie działa.') : msg('Wysłaliśmy nowy link. Poprzedni już nie działa.'));
        }
      },
      described: (failure, _error) => this.noticeOf(this.lastChannel).showFailure(failure),
      resumeAfterLogin: true,
      context: { action: 'send' },
    });
    this.link = new ActionController(host, {
      send: (client, token, key) =>
        profileFrom(client, client.post('/customer/contact/confirmation', { params: { header: { 'Idempotency-Key': key } }, body: { email: { token } } }), 'POST /customer/contact/confirmation'),
      done: (profile) => {
        this.forgetToken();
        host.changed(profile, 'email', 'confirmed', this.emailNotice, msg(str`Adres e-mail zmieniony na ${profile.email}. Od teraz logujesz się nim.`));
      },
      failed: (error) => {
        const text = codeRefusal(error);
        if (!text) return false;
        this.forgetToken();
        this.emailNotice.show({ tone: 'error', text });
        return true;
      },
      described: (failure) => this.emailNotice.showFailure(failure),
      resumeAfterLogin: true,
      context: { action: 'send' },
    });
  }

  private lastChannel: Channel = 'phone';

  private noticeOf(channel: Channel): NoticeController {
    return channel === 'phone' ? this.phoneNotice : this.emailNotice;
  }

  /** Resend or cancel (one request at a time; a double click sends once). */
  act(channel: Channel, what: 'resend' | 'cancel'): void {
    this.lastChannel = channel;
    this.noticeOf(channel).clear();
    void this.pending.run({ channel, what });
  }

  /** The link's token (the attribute, else `?ebok-email-token=`), confirmed once per token when the profile shows. */
  confirmLink(attribute: string | undefined): void {
    const token = attribute?.trim() || paramsFromUrl(location.search, TOKEN_NAMES)?.token?.trim();
    if (!token || token === this.linkTried || !this.host.profile) return;
    this.linkTried = token;
    void this.link.run(token);
  }

  /** The token leaves the address bar once used or refused (it should not linger in history). */
  private forgetToken(): void {
    replaceUrl(urlWithParams(location.href, TOKEN_NAMES, { token: '' }));
  }
}
