/**
 * The mock behaviour of the contact changes (a new phone confirmed by the SMS code, a new e-mail by its link,
 * cancel and resend) and of the account removal request, with the reference server's rules
 * (demo/server/profile.ts, demo/server/account-removal.ts). The right SMS code is `CONTACT_DEMO.phoneCode`,
 * the e-mail link's token `CONTACT_DEMO.emailToken`; the current password is the persona's.
 */
import type { components } from '../../src/api/schema.js';
import { warsawIso } from '../../src/i18n/calendar.js';
import { fieldError, problemResponse, validationProblem } from './problem.js';
import { checkString, EMAIL, PHONE, personaOf, readJson, unknownProperties, type MockState, type Resolver } from './resolvers.js';

type S = components['schemas'];

export const CONTACT_DEMO = {
  phoneCode: '123456',
  emailToken: 'demo-email-token-4PzLr8QwX2mKd7Vt',
  maxAttempts: 5,
} as const;

interface ContactState {
  attempts: number;
  /** The code was used (or the change cancelled): it confirms nothing any more. */
  spent: boolean;
  removal: S['AccountRemovalRequest'] | null;
}

const states = new WeakMap<MockState, ContactState>();

function contactOf(state: MockState): ContactState {
  let found = states.get(state);
  if (!found) states.set(state, (found = { attempts: 0, spent: false, removal: null }));
  return found;
}

const conflict = (detail: string): Response => problemResponse(409, 'conflict', { detail });
const expired = (field: string, detail: string): Response => validationProblem([fieldError(field, 'expired', detail)]);
const wrongPassword = (): Response => validationProblem([fieldError('/currentPassword', 'incorrect', 'Obecne hasło jest nieprawidłowe.')]);

type Ops = 'updateContact' | 'confirmContact' | 'cancelContactChange' | 'resendContactConfirmation' | 'getAccountRemovalRequest' | 'requestAccountRemoval';

export const profileResolvers: { [K in Ops]: Resolver<K> } = {
  updateContact: async ({ request, ctx, now, json }) => {
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const b = body.value;
    const errors = unknownProperties(b, ['email', 'phone', 'currentPassword']);
    if (b.email === undefined && b.phone === undefined) errors.push(fieldError('/email', 'required', 'Podaj nowy e-mail lub telefon.'));
    const email = checkString(errors, b, 'email', { max: 254, pattern: EMAIL });
    const phone = b.phone === null ? null : checkString(errors, b, 'phone', { pattern: PHONE });
    const currentPassword = checkString(errors, b, 'currentPassword', { min: 1, max: 1024 });
    const profile = ctx.state.profile;
    const emailChanges = email !== undefined && email.toLowerCase() !== profile.email.toLowerCase();
    if (emailChanges && currentPassword === undefined && !errors.some((e) => e.field === '/currentPassword')) {
      errors.push(fieldError('/currentPassword', 'required', 'Aby zmienić e-mail, podaj obecne hasło.'));
    }
    if (phone === null && Object.values(ctx.state.preferences.sms).some(Boolean)) {
      errors.push(fieldError('/phone', 'phone_required', 'Telefon jest potrzebny do powiadomień SMS. Najpierw wyłącz SMS-y.'));
    }
    if (errors.length > 0) return validationProblem(errors);
    if (emailChanges && currentPassword !== personaOf(ctx, now).account?.password) return wrongPassword();
    const next: S['Profile'] = { ...profile };
    if (email !== undefined) next.pendingEmail = emailChanges ? email : null;
    if (phone === null) Object.assign(next, { phone: null, pendingPhone: null });
    else if (phone !== undefined) {
      next.pendingPhone = phone === profile.phone ? null : phone;
      Object.assign(contactOf(ctx.state), { attempts: 0, spent: false });
    }
    ctx.state.profile = next;
    return json(next);
  },

  confirmContact: async ({ request, ctx, json }) => {
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const b = body.value;
    const errors = unknownProperties(b, ['phone', 'email']);
    if ((b.phone === undefined) === (b.email === undefined)) errors.push(fieldError(b.phone === undefined ? '/phone' : '/email', 'exactly_one_required', 'Podaj kod z SMS-a albo token z linku.'));
    const part = (key: 'phone' | 'email'): Record<string, unknown> | undefined => (typeof b[key] === 'object' && b[key] !== null ? (b[key] as Record<string, unknown>) : undefined);
    const code = part('phone') && checkString(errors, part('phone')!, 'code', { required: true, pattern: /^[0-9]{6}$/, prefix: '/phone' });
    const token = part('email') && checkString(errors, part('email')!, 'token', { required: true, min: 1, max: 200, prefix: '/email' });
    if (errors.length > 0) return validationProblem(errors);
    const contact = contactOf(ctx.state);
    const profile = ctx.state.profile;
    if (code !== undefined) {
      if (!profile.pendingPhone || contact.spent) return expired('/phone/code', 'Kod wygasł albo został już użyty. Poproś o nowy kod.');
      if (contact.attempts >= CONTACT_DEMO.maxAttempts) return problemResponse(429, 'too_many_attempts', { detail: 'Poproś o nowy kod.', extra: { retryAfter: 60 }, headers: { 'Retry-After': '60' } });
      if (code !== CONTACT_DEMO.phoneCode) {
        contact.attempts += 1;
        const left = CONTACT_DEMO.maxAttempts - contact.attempts;
        return validationProblem([fieldError('/phone/code', 'incorrect', `Kod jest nieprawidłowy. Pozostało prób: ${left}.`, { params: { attemptsLeft: left } })]);
      }
      contact.spent = true;
      ctx.state.profile = { ...profile, phone: profile.pendingPhone, pendingPhone: null };
    } else {
      if (!profile.pendingEmail || token !== CONTACT_DEMO.emailToken) return expired('/email/token', 'Link wygasł, został zastąpiony nowszym albo już go użyto.');
      ctx.state.profile = { ...profile, email: profile.pendingEmail, pendingEmail: null };
    }
    return json(ctx.state.profile);
  },

  cancelContactChange: ({ params, ctx, json }) => {
    const profile = ctx.state.profile;
    ctx.state.profile = params.channel === 'phone' ? { ...profile, pendingPhone: null } : { ...profile, pendingEmail: null };
    if (params.channel === 'phone') contactOf(ctx.state).spent = true;
    return json(ctx.state.profile);
  },

  resendContactConfirmation: ({ params, ctx, json }) => {
    const profile = ctx.state.profile;
    const pending = params.channel === 'phone' ? profile.pendingPhone : profile.pendingEmail;
    if (!pending) return conflict('Nie ma zmiany czekającej na potwierdzenie.');
    if (params.channel === 'phone') Object.assign(contactOf(ctx.state), { attempts: 0, spent: false });
    return json(profile);
  },

  getAccountRemovalRequest: ({ ctx, json }) => json({ request: contactOf(ctx.state).removal }),

  requestAccountRemoval: async ({ request, ctx, now, json }) => {
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const errors = unknownProperties(body.value, ['currentPassword', 'reason']);
    const password = checkString(errors, body.value, 'currentPassword', { required: true, min: 1, max: 1024 });
    checkString(errors, body.value, 'reason', { max: 1000 });
    if (errors.length > 0) return validationProblem(errors);
    const contact = contactOf(ctx.state);
    if (contact.removal && (contact.removal.status === 'submitted' || contact.removal.status === 'in_progress')) {
      return conflict('Wniosek o usunięcie konta jest już w trakcie rozpatrywania.');
    }
    if (password !== personaOf(ctx, now).account?.password) return wrongPassword();
    contact.removal = { id: `arr_mock${++ctx.state.sequence}`, status: 'submitted', submittedAt: warsawIso(now) };
    return json(contact.removal, 201);
  },
};
