import type { operations, paths } from '../../src/api/schema.js';

/** The reference server's base, the default for every mock handler. */
export const API_BASE = 'http://localhost:8787/api/v1';

/** Every operationId of the contract (src/api/openapi.yaml). */
export type OperationId = keyof operations;

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * The entries allowed for operation `K`: a path and method whose generated type is exactly `operations[K]`.
 * A wrong path or method for an operation does not compile. (Operations of identical shape, such as the three
 * neutral `202` ones, can still be swapped; the contract test in test/api/mocks.test.ts catches that.)
 */
type EntryFor<K extends OperationId> = {
  [P in keyof paths]: {
    [M in HttpMethod]: [paths[P][M]] extends [operations[K]]
      ? [operations[K]] extends [paths[P][M]]
        ? { readonly path: P; readonly method: M; readonly personal: boolean }
        : never
      : never;
  }[HttpMethod];
}[keyof paths];

export interface OperationInfo {
  readonly id: OperationId;
  readonly path: keyof paths;
  readonly method: HttpMethod;
  /** `false` for the operations marked `security: []` in the contract (public); `true` otherwise. */
  readonly personal: boolean;
}

/**
 * The contract's operations. A missing or extra operationId is a compile error (the mapped type), and so is a
 * path or method that does not belong to the operation.
 */
export const OPERATIONS: { readonly [K in OperationId]: EntryFor<K> } = {
  getPortalConfig: { path: '/portal-config', method: 'get', personal: false },
  login: { path: '/auth/login', method: 'post', personal: false },
  verifyMfa: { path: '/auth/mfa/verify', method: 'post', personal: false },
  resendMfa: { path: '/auth/mfa/resend', method: 'post', personal: false },
  acceptTerms: { path: '/auth/terms-acceptance', method: 'post', personal: false },
  logout: { path: '/auth/logout', method: 'post', personal: true },
  getSession: { path: '/auth/session', method: 'get', personal: true },
  refreshSession: { path: '/auth/session/refresh', method: 'post', personal: true },
  requestPasswordReset: { path: '/auth/password-reset', method: 'post', personal: false },
  checkPasswordResetToken: { path: '/auth/password-reset/check', method: 'post', personal: false },
  confirmPasswordReset: { path: '/auth/password-reset/confirm', method: 'post', personal: false },
  changePassword: { path: '/auth/password', method: 'post', personal: true },
  requestLoginReminder: { path: '/auth/login-reminder', method: 'post', personal: false },
  register: { path: '/auth/register', method: 'post', personal: false },
  activateAccount: { path: '/auth/activate', method: 'post', personal: false },
  checkActivationToken: { path: '/auth/activation/check', method: 'post', personal: false },
  resendActivation: { path: '/auth/activation/resend', method: 'post', personal: false },
  getProfile: { path: '/customer/profile', method: 'get', personal: true },
  updateContact: { path: '/customer/contact', method: 'patch', personal: true },
  confirmContact: { path: '/customer/contact/confirmation', method: 'post', personal: true },
  cancelContactChange: { path: '/customer/contact/pending/{channel}', method: 'delete', personal: true },
  resendContactConfirmation: { path: '/customer/contact/pending/{channel}/resend', method: 'post', personal: true },
  updateCorrespondenceAddress: { path: '/customer/correspondence-address', method: 'put', personal: true },
  getAccountRemovalRequest: { path: '/customer/account-removal-request', method: 'get', personal: true },
  requestAccountRemoval: { path: '/customer/account-removal-request', method: 'post', personal: true },
  getConsents: { path: '/customer/consents', method: 'get', personal: true },
  updateConsents: { path: '/customer/consents', method: 'put', personal: true },
  getNotificationPreferences: { path: '/customer/notification-preferences', method: 'get', personal: true },
  updateNotificationPreferences: { path: '/customer/notification-preferences', method: 'put', personal: true },
  listPoints: { path: '/points', method: 'get', personal: true },
  getPoint: { path: '/points/{pointId}', method: 'get', personal: true },
  getTariffOptions: { path: '/points/{pointId}/tariff-options', method: 'get', personal: true },
  createTariffChangeRequest: { path: '/points/{pointId}/tariff-change-requests', method: 'post', personal: true },
  listTariffChangeRequests: { path: '/tariff-change-requests', method: 'get', personal: true },
  listContracts: { path: '/contracts', method: 'get', personal: true },
  getContract: { path: '/contracts/{contractId}', method: 'get', personal: true },
  getContractDocumentPdf: { path: '/contracts/{contractId}/documents/{documentId}', method: 'get', personal: true },
  getBalance: { path: '/balance', method: 'get', personal: true },
  listDocuments: { path: '/documents', method: 'get', personal: true },
  getDocument: { path: '/documents/{documentId}', method: 'get', personal: true },
  getDocumentPdf: { path: '/documents/{documentId}/pdf', method: 'get', personal: true },
  createPayment: { path: '/payments', method: 'post', personal: true },
  listPayments: { path: '/payments', method: 'get', personal: true },
  getPayment: { path: '/payments/{paymentId}', method: 'get', personal: true },
  getReadingContext: { path: '/points/{pointId}/reading-context', method: 'get', personal: true },
  submitReading: { path: '/points/{pointId}/readings', method: 'post', personal: true },
  listReadings: { path: '/points/{pointId}/readings', method: 'get', personal: true },
  getConsumption: { path: '/consumption', method: 'get', personal: true },
  listTicketCategories: { path: '/tickets/categories', method: 'get', personal: true },
  createTicket: { path: '/tickets', method: 'post', personal: true },
  listTickets: { path: '/tickets', method: 'get', personal: true },
  getTicket: { path: '/tickets/{ticketId}', method: 'get', personal: true },
  replyToTicket: { path: '/tickets/{ticketId}/messages', method: 'post', personal: true },
  getTicketAttachment: { path: '/tickets/{ticketId}/attachments/{attachmentId}', method: 'get', personal: true },
  listMessages: { path: '/messages', method: 'get', personal: true },
  markMessageRead: { path: '/messages/{messageId}/read', method: 'post', personal: true },
  listOutages: { path: '/outages', method: 'get', personal: false },
};

/**
 * The operations as a list, literal paths before templated ones (so `/tickets/categories` is matched before
 * `/tickets/{ticketId}`: MSW uses the first handler that answers).
 */
export const OPERATION_LIST: readonly OperationInfo[] = (Object.keys(OPERATIONS) as OperationId[])
  .map((id): OperationInfo => ({ id, ...OPERATIONS[id] }))
  .sort((a, b) => paramCount(a.path) - paramCount(b.path));

function paramCount(path: string): number {
  return (path.match(/\{/g) ?? []).length;
}

/** Operations whose `Idempotency-Key` header is required by the contract (`400 malformed_request` without it). */
export const IDEMPOTENCY_KEY_REQUIRED: ReadonlySet<OperationId> = new Set<OperationId>([
  'createPayment',
  'submitReading',
  'createTicket',
  'replyToTicket',
  'register',
  'createTariffChangeRequest',
]);

/** A base without its trailing slash: `http://x/api/v1/` → `http://x/api/v1`. */
export function normalizeBase(base: string): string {
  return base.replace(/\/+$/, '');
}

/** The MSW path pattern of an operation under a base: `{pointId}` becomes `:pointId`. */
export function mswPath(base: string, path: string): string {
  return `${normalizeBase(base)}${path.replace(/\{(\w+)\}/g, ':$1')}`;
}
