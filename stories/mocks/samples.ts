/**
 * One well-formed example request per operation, which the default mock handlers answer with the contract's
 * success status. Used by test/api/mocks.test.ts (every operation is answered) and handy in story docs.
 * The mapped type makes a missing operation a compile error.
 */
import { readingContext, TERMS_VERSION } from '../../demo/personas/index.js';
import { TERMS_CHALLENGE_ID } from './consents.js';
import { DEMO, PAYMENT_IDS, PNG_BASE64, POINT_IDS, TICKET_IDS, base64Bytes, energia, makeDocuments, makeMessages } from './data.js';
import { API_BASE, normalizeBase, type OperationId } from './operations.js';

/** A random-enough idempotency key for examples (not for production: use `crypto.randomUUID()`). */
let counter = 0;
export function exampleIdempotencyKey(): string {
  counter += 1;
  return `3f1c9a7e-5b2d-4e8f-9a61-${String(counter).padStart(12, '0')}`;
}

type RequestFactory = (base?: string) => Request;

function absolute(base: string, path: string): string {
  const url = `${normalizeBase(base)}${path}`;
  return /^[a-z]+:/i.test(url) || typeof location === 'undefined' ? url : new URL(url, location.href).href;
}

function get(path: string): RequestFactory {
  return (base = API_BASE) => new Request(absolute(base, path), { headers: { Accept: 'application/json' } });
}

function send(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, idempotent = false): RequestFactory {
  return (base = API_BASE) => {
    const headers: Record<string, string> = { Accept: 'application/json', 'X-CSRF-Token': DEMO.csrfToken };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (idempotent) headers['Idempotency-Key'] = exampleIdempotencyKey();
    return new Request(absolute(base, path), { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  };
}

function multipart(path: string, fill: (form: FormData) => void): RequestFactory {
  return (base = API_BASE) => {
    const form = new FormData();
    fill(form);
    return new Request(absolute(base, path), {
      method: 'POST',
      headers: { Accept: 'application/json', 'X-CSRF-Token': DEMO.csrfToken, 'Idempotency-Key': exampleIdempotencyKey() },
      body: form,
    });
  };
}

const newestDocumentId = (): string => makeDocuments(1)[0]?.id ?? 'doc_unknown';

/** A plausible reading of every register of energia's flat today: the lower end of each allowed range. */
export function plausibleReading(now: Date = new Date()): { registerId: string; value: string }[] {
  return (readingContext(energia(now), POINT_IDS.flat, now)?.registers ?? []).map((r) => ({ registerId: r.registerId, value: r.allowedRange?.min ?? r.lastReading?.value ?? '0' }));
}

/** An unread message of energia's notification history. */
const unreadMessageId = (): string => makeMessages().find((m) => m.readAt === null)?.id ?? 'msg_unknown';

/** `SAMPLE_REQUESTS.getBalance(base)` → a `Request` the default handlers answer with `200`. */
export const SAMPLE_REQUESTS: { readonly [K in OperationId]: RequestFactory } = {
  getPortalConfig: get('/portal-config'),
  login: send('POST', '/auth/login', { identifier: DEMO.email, password: DEMO.password }),
  verifyMfa: send('POST', '/auth/mfa/verify', { challengeId: DEMO.mfaChallengeId, code: DEMO.mfaCode }),
  resendMfa: send('POST', '/auth/mfa/resend', { challengeId: DEMO.mfaChallengeId }),
  acceptTerms: send('POST', '/auth/terms-acceptance', { challengeId: TERMS_CHALLENGE_ID, version: TERMS_VERSION }),
  logout: send('POST', '/auth/logout'),
  getSession: get('/auth/session'),
  refreshSession: send('POST', '/auth/session/refresh'),
  requestPasswordReset: send('POST', '/auth/password-reset', { identifier: DEMO.email }),
  checkPasswordResetToken: send('POST', '/auth/password-reset/check', { token: 'rst_Vq8Jc3mW1xZp6TnB0yKd4sLe' }),
  confirmPasswordReset: send('POST', '/auth/password-reset/confirm', { token: 'rst_Vq8Jc3mW1xZp6TnB0yKd4sLe', newPassword: 'Jesienne-Liscie-2025' }),
  changePassword: send('POST', '/auth/password', { currentPassword: DEMO.password, newPassword: 'Jesienne-Liscie-2025' }),
  requestLoginReminder: send('POST', '/auth/login-reminder', { identifier: '8567346215' }),
  register: send(
    'POST',
    '/auth/register',
    {
      pesel: DEMO.pesel,
      customerNumber: DEMO.customerNumber,
      email: 'stanislaw.zajac@example.com',
      phone: '+48601234567',
      password: 'Zielona-Herbata-7',
      consents: { terms: true, marketing: [], eInvoice: true },
    },
    true,
  ),
  activateAccount: send('POST', '/auth/activate', { token: 'act_H7nQ2wLk9ZxR4cVb8TmY1pDs' }),
  checkActivationToken: send('POST', '/auth/activation/check', { token: 'act_H7nQ2wLk9ZxR4cVb8TmY1pDs' }),
  resendActivation: send('POST', '/auth/activation/resend', { identifier: DEMO.email }),
  getProfile: get('/customer/profile'),
  updateContact: send('PATCH', '/customer/contact', { phone: '+48512345678' }),
  confirmContact: send('POST', '/customer/contact/confirmation', { phone: { code: '123456' } }),
  cancelContactChange: send('DELETE', '/customer/contact/pending/phone'),
  resendContactConfirmation: send('POST', '/customer/contact/pending/phone/resend'),
  getAccountRemovalRequest: get('/customer/account-removal-request'),
  requestAccountRemoval: send('POST', '/customer/account-removal-request', { currentPassword: DEMO.password }),
  updateCorrespondenceAddress: send('PUT', '/customer/correspondence-address', {
    street: 'ul. Długa',
    buildingNumber: '15',
    apartmentNumber: '7',
    postalCode: '31-147',
    city: 'Kraków',
    country: 'PL',
  }),
  getConsents: get('/customer/consents'),
  updateConsents: send('PUT', '/customer/consents', { marketing: [{ id: 'phone', given: false }], eInvoice: true }),
  getNotificationPreferences: get('/customer/notification-preferences'),
  updateNotificationPreferences: send('PUT', '/customer/notification-preferences', {
    email: { new_invoice: true, due_date: true, planned_works: true, reading_window: true, collection: true, security: true },
    sms: { new_invoice: false, due_date: true, planned_works: true, reading_window: false, collection: true, security: false },
    dueDateReminderDays: 5,
  }),
  listPoints: get('/points'),
  getPoint: get(`/points/${POINT_IDS.flat}`),
  getTariffOptions: get(`/points/${POINT_IDS.flat}/tariff-options`),
  createTariffChangeRequest: send('POST', `/points/${POINT_IDS.flat}/tariff-change-requests`, { tariff: 'G12W' }, true),
  listTariffChangeRequests: get(`/tariff-change-requests?pointId=${POINT_IDS.flat}`),
  listContracts: get('/contracts'),
  getContract: get('/contracts/ctr_e_0001'),
  getContractDocumentPdf: get('/contracts/ctr_e_0001/documents/cdoc_e_0001_1'),
  getBalance: get('/balance'),
  listDocuments: get('/documents'),
  getDocument: (base) => get(`/documents/${newestDocumentId()}`)(base),
  getDocumentPdf: (base) => get(`/documents/${newestDocumentId()}/pdf`)(base),
  createPayment: send('POST', '/payments', { scope: 'balance', method: 'blik', returnUrl: 'https://www.energia-przyklad.example.com/ebok/platnosci' }, true),
  listPayments: get('/payments'),
  getPayment: get(`/payments/${PAYMENT_IDS.paid}`),
  getReadingContext: get(`/points/${POINT_IDS.flat}/reading-context`),
  submitReading: multipart(`/points/${POINT_IDS.flat}/readings`, (form) => {
    const payload = { values: plausibleReading(), confirmImplausible: false };
    form.append('payload', new Blob([JSON.stringify(payload)], { type: 'application/json' }), 'payload.json');
  }),
  listReadings: get(`/points/${POINT_IDS.flat}/readings`),
  getConsumption: get('/consumption?compare=true'),
  listTicketCategories: get('/tickets/categories'),
  createTicket: multipart('/tickets', (form) => {
    form.append('categoryId', 'cat_reading');
    form.append('subject', 'Zdjęcie licznika');
    form.append('message', 'Dzień dobry, przesyłam zdjęcie licznika do odczytu.');
    form.append('pointId', POINT_IDS.flat);
    form.append('attachments', new Blob([base64Bytes(PNG_BASE64)], { type: 'image/png' }), 'licznik.png');
  }),
  listTickets: get('/tickets'),
  getTicket: get(`/tickets/${TICKET_IDS.answered}`),
  replyToTicket: multipart(`/tickets/${TICKET_IDS.answered}/messages`, (form) => {
    form.append('message', 'Dziękuję, w załączniku przesyłam zdjęcie licznika.');
  }),
  getTicketAttachment: get(`/tickets/${TICKET_IDS.answered}/attachments/att_e1_1`),
  listMessages: get('/messages'),
  markMessageRead: (base) => send('POST', `/messages/${unreadMessageId()}/read`)(base),
  listOutages: get('/outages'),
};
