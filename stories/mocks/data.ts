/**
 * Fixtures for the mock API: one electricity customer of the utility "Energia Przykład", in Polish.
 *
 * Everything is typed with the contract's schemas. Dates whose meaning depends on today (due dates, reading
 * windows, outages, session deadlines) are computed from `now`, so an overdue invoice stays overdue and an open
 * reading window stays open whenever a story or a test runs. Calendar dates are Polish (Europe/Warsaw) dates;
 * instants carry the Polish offset (`+01:00` / `+02:00`).
 */
import type { components } from '../../src/api/schema.js';
import { addDays, dateParts, isOverdue, warsawDate, warsawInstant, warsawIso } from '../../src/i18n/calendar.js';

type S = components['schemas'];
export type Money = S['Money'];
export type PortalConfig = S['PortalConfig'];
export type Session = S['Session'];
export type Profile = S['Profile'];
export type Consents = S['Consents'];
export type NotificationPreferences = S['NotificationPreferences'];
export type PointOfDelivery = S['PointOfDelivery'];
export type Contract = S['Contract'];
export type Balance = S['Balance'];
export type DocumentSummary = S['DocumentSummary'];
export type DocumentDetail = S['DocumentDetail'];
export type Payment = S['Payment'];
export type ReadingContext = S['ReadingContext'];
export type Reading = S['Reading'];
export type Consumption = S['Consumption'];
export type TicketCategory = S['TicketCategory'];
export type Ticket = S['Ticket'];
export type TicketDetail = S['TicketDetail'];
export type TicketMessage = S['TicketMessage'];
export type Message = S['Message'];
export type Outage = S['Outage'];

// ---------------------------------------------------------------------------------------------------------------
// Time and money helpers
// ---------------------------------------------------------------------------------------------------------------

/** The Polish calendar date `days` after (negative: before) `now`. */
export function dateFromNow(now: Date, days: number): string {
  return addDays(warsawDate(now), days);
}

/** The instant at a Polish wall-clock time on a calendar date, as an RFC 3339 string with offset. */
export function polishTime(date: string, hour: number, minute = 0): string {
  return warsawIso(warsawInstant(date, hour * 3600 + minute * 60));
}

/** The instant `seconds` after `now` (negative: before), in Polish time. */
export function instantFromNow(now: Date, seconds: number): string {
  return warsawIso(new Date(now.getTime() + seconds * 1000));
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Money from an integer number of grosze (1/100 PLN): `money(24567)` → `{ amount: '245.67', currency: 'PLN' }`. */
export function money(grosze: number, currency = 'PLN'): Money {
  const abs = Math.abs(Math.round(grosze));
  return { amount: `${grosze < 0 && abs > 0 ? '-' : ''}${Math.floor(abs / 100)}.${pad(abs % 100)}`, currency };
}

/** Integer grosze of a Money amount (`'-120.00'` → -12000). */
export function grosze(value: Money | string): number {
  const amount = typeof value === 'string' ? value : value.amount;
  const negative = amount.startsWith('-');
  const [whole = '0', fraction = '0'] = amount.replace('-', '').split('.');
  const result = Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
  return negative ? -result : result;
}

// ---------------------------------------------------------------------------------------------------------------
// Demo accounts and portal
// ---------------------------------------------------------------------------------------------------------------

/** Sign-in data the mock understands (documented in stories/mocks/README.md). */
export const DEMO = {
  email: 'energia@example.com',
  pesel: '44051401359',
  password: 'Demo-Haslo-2026',
  /** Signs in with the same password, then asks for a second factor. */
  mfaEmail: '2fa@example.com',
  mfaCode: '123456',
  mfaChallengeId: 'mfa_7Qk2VfXw9LpA3nZr',
  /** Right password, account never activated → `403 account_not_activated`. */
  notActivatedEmail: 'nieaktywne@example.com',
  /** Signs in with the one-time password below → `403 password_change_required`. */
  oneTimeEmail: 'jednorazowe@example.com',
  oneTimePassword: 'Jednorazowe-1234',
  changeToken: 'chg_4PzLr8QwX2mKd7VtYc1N',
  /** Right password, locked account → the same `401 invalid_credentials` as a wrong password. */
  lockedEmail: 'zablokowane@example.com',
  csrfToken: 'c7Hk2pQ9vX4mZ1tR8wY3nB6jL0sD5fGa',
  /** Reset / activation tokens with a fixed outcome; any other token of valid length succeeds. */
  expiredToken: 'rst_expired_000000000000',
  usedToken: 'rst_used_0000000000000000',
} as const;

export const portalConfig: PortalConfig = {
  utilityName: 'Energia Przykład',
  kinds: ['electricity'],
  features: {
    payments: true,
    readings: true,
    consumption: true,
    tickets: true,
    messages: true,
    registration: true,
    outages: true,
    mfa: true,
  },
  loginIdentifierKinds: ['email', 'pesel_nip'],
  passwordPolicy: {
    minLength: 12,
    maxLength: 128,
    requireUpper: true,
    requireLower: true,
    requireDigit: true,
    requireSpecial: false,
  },
  activationLinkLifetimeSeconds: 259_200,
  resetLinkLifetimeSeconds: 3600,
  readings: { photoAllowed: true, maxPhotoBytes: 5_242_880, plausibilityFactor: 2.5 },
  payments: {
    methods: ['blik', 'card', 'transfer'],
    perTransactionCap: { amount: '4300.00', currency: 'PLN' },
    feeNote: {
      pl: 'Płatność online jest bezpłatna dla klientów z e-fakturą; pozostali płacą prowizję 1,00 zł według cennika operatora płatności.',
      en: "Online payment is free for e-invoice customers; others pay a PLN 1.00 fee according to the payment operator's price list.",
    },
  },
  session: { idleTimeoutSeconds: 900, absoluteTimeoutSeconds: 28_800 },
  locales: ['pl', 'en'],
  defaultLocale: 'pl',
  contact: {
    phone: '+48 32 600 00 00',
    email: 'bok@energia-przyklad.example.com',
    openingHours: {
      pl: 'Infolinia czynna w dni robocze 7:00–20:00, w soboty 8:00–14:00.',
      en: 'Helpline open on working days 7:00–20:00, on Saturdays 8:00–14:00.',
    },
  },
  theme: 'energy',
  allowLegacyPointCodes: false,
  registrationEmailMustMatchContract: false,
};

/** The portal configuration with online payments switched off (no methods, no cap, no fee note). */
export const portalConfigPaymentsDisabled: PortalConfig = {
  ...portalConfig,
  features: { ...portalConfig.features, payments: false },
  payments: { methods: [], perTransactionCap: null, feeNote: null },
};

// ---------------------------------------------------------------------------------------------------------------
// Session and customer
// ---------------------------------------------------------------------------------------------------------------

export const sessionUser: S['SessionUser'] = {
  id: 'usr_4f7a21',
  displayName: 'Jan Kowalski',
  email: DEMO.email,
  customerKind: 'person',
};

export interface SessionTimes {
  /** When the customer signed in (the absolute deadline counts from here). Default: `now`. */
  signedInAt?: Date;
  /** The last request that counted as activity (the idle deadline counts from here). Default: `now`. */
  lastActivityAt?: Date;
}

/** The signed-in session: idle 900 s, absolute 28 800 s; the idle deadline never passes the absolute one. */
export function makeSession(now: Date = new Date(), times: SessionTimes = {}): Session {
  const { idleTimeoutSeconds, absoluteTimeoutSeconds } = portalConfig.session;
  const signedInAt = (times.signedInAt ?? now).getTime();
  const lastActivityAt = (times.lastActivityAt ?? now).getTime();
  const absolute = signedInAt + absoluteTimeoutSeconds * 1000;
  const idle = Math.min(lastActivityAt + idleTimeoutSeconds * 1000, absolute);
  return {
    user: sessionUser,
    csrfToken: DEMO.csrfToken,
    idleExpiresAt: warsawIso(new Date(idle)),
    absoluteExpiresAt: warsawIso(new Date(absolute)),
    idleTimeoutSeconds,
    absoluteTimeoutSeconds,
  };
}

export const correspondenceAddress: S['Address'] = {
  street: 'ul. Zwycięstwa',
  buildingNumber: '12',
  apartmentNumber: '4',
  postalCode: '44-100',
  city: 'Gliwice',
  postOffice: null,
  country: 'PL',
};

export const profile: Profile = {
  customerNumber: '1200345678',
  kind: 'person',
  displayName: 'Jan Kowalski',
  firstName: 'Jan',
  lastName: 'Kowalski',
  companyName: null,
  nationalIdType: 'pesel',
  nationalIdMasked: '*******1359',
  email: DEMO.email,
  pendingEmail: null,
  phone: '+48601234567',
  correspondenceAddress,
  eInvoice: true,
};

export const consents: Consents = {
  terms: { accepted: true, version: '2024-06', acceptedAt: '2024-09-02T18:41:07+02:00' },
  marketing: false,
  eInvoice: true,
  updatedAt: '2025-01-20T09:12:44+01:00',
};

export const notificationPreferences: NotificationPreferences = {
  email: { new_invoice: true, due_date: true, planned_works: true, reading_window: true },
  sms: { new_invoice: false, due_date: true, planned_works: false, reading_window: false },
};

// ---------------------------------------------------------------------------------------------------------------
// Points of delivery and contracts
// ---------------------------------------------------------------------------------------------------------------

export const POINT_IDS = { flat: 'pt_e_0001', cottage: 'pt_e_0002' } as const;

/** A G12 flat (day/night registers OBIS 1.8.1 / 1.8.2, read by the customer) and a G11 cottage with a smart meter. */
export const points: PointOfDelivery[] = [
  {
    id: POINT_IDS.flat,
    kind: 'electricity',
    code: '590243800000000012',
    codeType: 'ppe',
    name: 'Mieszkanie – Zwycięstwa 12/4',
    address: correspondenceAddress,
    tariff: 'G12',
    contractId: 'ctr_2019_0042',
    meters: [
      {
        serialNumber: '93812744',
        kind: 'electricity',
        smart: false,
        registers: [
          { id: 'reg_e1_day', zone: 'day', obisCode: '1.8.1', unit: 'kWh', direction: 'consumption', conversionFactor: null, digits: 5, decimals: 0 },
          { id: 'reg_e1_night', zone: 'night', obisCode: '1.8.2', unit: 'kWh', direction: 'consumption', conversionFactor: null, digits: 5, decimals: 0 },
        ],
      },
    ],
  },
  {
    id: POINT_IDS.cottage,
    kind: 'electricity',
    code: '590243800000073122',
    codeType: 'ppe',
    name: 'Dom letniskowy – Jeziorna 8',
    address: {
      street: 'ul. Jeziorna',
      buildingNumber: '8',
      apartmentNumber: null,
      postalCode: '44-171',
      city: 'Pławniowice',
      postOffice: 'Toszek',
      country: 'PL',
    },
    tariff: 'G11',
    contractId: 'ctr_2023_0311',
    meters: [
      {
        serialNumber: 'AM550-0071123',
        kind: 'electricity',
        smart: true,
        registers: [
          { id: 'reg_e2_all', zone: 'all', obisCode: '1.8.0', unit: 'kWh', direction: 'consumption', conversionFactor: null, digits: 6, decimals: 0 },
        ],
      },
    ],
  },
];

/** The last day of the month `months` after the month of `now` (Polish calendar). */
function endOfMonthFromNow(now: Date, months: number): string {
  const [year, month] = dateParts(warsawDate(now));
  return new Date(Date.UTC(year, month + months, 0)).toISOString().slice(0, 10);
}

/**
 * The customer's contracts at `now`, active first, then by start date, newest first (as the contract orders
 * them). The fixed-price contract ends at the end of the fourth month from now, so it is still running
 * whenever a story shows it.
 */
export function makeContracts(now: Date = new Date()): Contract[] {
  return [
    {
      id: 'ctr_2023_0311',
      number: 'UE/2023/031108',
      kind: 'electricity',
      product: 'Prąd z Gwarancją Ceny',
      tariff: 'G11',
      startDate: '2023-04-01',
      endDate: endOfMonthFromNow(now, 4),
      status: 'active',
      pointIds: [POINT_IDS.cottage],
    },
    {
      id: 'ctr_2019_0042',
      number: 'UK/2019/004217',
      kind: 'electricity',
      product: 'Prąd Stała Cena',
      tariff: 'G12',
      startDate: '2019-07-01',
      endDate: null,
      status: 'active',
      pointIds: [POINT_IDS.flat],
    },
    {
      id: 'ctr_2014_0007',
      number: 'UK/2014/000731',
      kind: 'electricity',
      product: 'Prąd Standard',
      tariff: 'G11',
      startDate: '2014-02-01',
      endDate: '2019-06-30',
      status: 'terminated',
      pointIds: [POINT_IDS.flat],
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Financial documents
// ---------------------------------------------------------------------------------------------------------------

/** How many documents the default mock customer has (more than one page of 20). */
export const DOCUMENT_COUNT = 27;

export interface DocumentOptions {
  /** When `false`, no document is `payable` (payments switched off). Default `true`. */
  paymentsEnabled?: boolean;
}

interface DocumentPlan {
  type: S['DocumentType'];
  issueOffset: number;
  gross: number;
  paid: number;
}

/** The amount of the newest invoice (unpaid, due in 11 days). */
const NEWEST_INVOICE = 38_947;

/**
 * The plan of document `i` (0 = newest). Deterministic: the same `i` always gives the same document, relative
 * to today. Documents 0–2 are the open ones: 0 unpaid (due in the future), 1 partially paid (due in the future),
 * 2 overdue (245.67 PLN, due 18 days ago); every 6th from 4 is a credit correction of the next (older) invoice,
 * every 9th from 7 an interest note; the rest are paid invoices.
 */
function planDocument(i: number, count: number): DocumentPlan {
  const issueOffset = i === 0 ? -3 : i === 1 ? -11 : -11 - 21 * (i - 1);
  if (i === 0) return { type: 'invoice', issueOffset, gross: NEWEST_INVOICE, paid: 0 };
  if (i === 1) return { type: 'invoice', issueOffset, gross: 31_210, paid: 10_000 };
  if (i === 2) return { type: 'invoice', issueOffset, gross: 24_567, paid: 0 };
  if (i % 6 === 4 && i + 1 < count) {
    const credit = -(1_512 + ((i * 1_237) % 3_000));
    return { type: 'correction', issueOffset, gross: credit, paid: credit };
  }
  if (i % 9 === 7) {
    const interest = 312 + ((i * 173) % 600);
    return { type: 'interest_note', issueOffset, gross: interest, paid: interest };
  }
  const seasonal = Math.round(6_000 * Math.cos(((i % 6) / 6) * 2 * Math.PI));
  const gross = 25_000 + ((i * 7_919) % 17_000) + seasonal;
  return { type: 'invoice', issueOffset, gross, paid: gross };
}

function documentNumber(type: S['DocumentType'], issueDate: string, seq: number): string {
  const prefix = type === 'invoice' ? 'FV' : type === 'correction' ? 'KOR' : 'NO';
  return `${prefix}/${issueDate.slice(0, 4)}/${issueDate.slice(5, 7)}/${pad(seq, 6)}`;
}

function documentId(issueDate: string, seq: number): string {
  return `doc_${issueDate.slice(0, 4)}_${issueDate.slice(5, 7)}_${pad(seq, 4)}`;
}

function documentStatus(gross: number, remaining: number, dueDate: string, now: Date): S['DocumentStatus'] {
  if (remaining <= 0) return 'paid';
  if (isOverdue(dueDate, now)) return 'overdue';
  if (remaining < gross) return 'partially_paid';
  return 'unpaid';
}

/**
 * `count` financial documents, newest first (`-issueDate`), with deterministic numbers, amounts and statuses
 * relative to `now`: statuses unpaid, partially_paid, overdue and paid; types invoice, correction and
 * interest_note. The oldest document has no PDF. Invoices of every third period are for the cottage.
 */
export function makeDocuments(count: number = DOCUMENT_COUNT, now: Date = new Date(), options: DocumentOptions = {}): DocumentSummary[] {
  const paymentsEnabled = options.paymentsEnabled ?? true;
  const today = warsawDate(now);
  const docs: DocumentSummary[] = [];
  for (let i = 0; i < count; i++) {
    const plan = planDocument(i, count);
    const issueDate = addDays(today, plan.issueOffset);
    const dueDate = addDays(issueDate, 14);
    const seq = 90_000 - i * 31;
    const remaining = plan.gross - plan.paid;
    const pointId = i % 3 === 2 && i !== 2 ? POINT_IDS.cottage : POINT_IDS.flat;
    const correctedIssueDate = addDays(today, planDocument(i + 1, count + 1).issueOffset);
    docs.push({
      id: documentId(issueDate, seq),
      number: documentNumber(plan.type, issueDate, seq),
      type: plan.type,
      issueDate,
      dueDate,
      periodFrom: plan.type === 'interest_note' ? null : addDays(issueDate, -65),
      periodTo: plan.type === 'interest_note' ? null : addDays(issueDate, -5),
      gross: money(plan.gross),
      remaining: money(remaining),
      status: documentStatus(plan.gross, remaining, dueDate, now),
      pointIds: plan.type === 'interest_note' ? [] : [pointId],
      correctsDocumentId: plan.type === 'correction' ? documentId(correctedIssueDate, seq - 31) : null,
      hasPdf: !(i === count - 1 && count > 5),
      payable: paymentsEnabled && remaining > 0,
    });
  }
  return docs;
}

/** Net and VAT (23 %) of a gross amount, in grosze. */
function splitVat(gross: number): { net: number; vat: number } {
  const net = Math.round(gross / 1.23);
  return { net, vat: gross - net };
}

/** The detail of a document: lines (energy by zone, fees) that add up, and the payments allocated to it. */
export function makeDocumentDetail(doc: DocumentSummary, paymentHistory: readonly Payment[] = []): DocumentDetail {
  const gross = grosze(doc.gross);
  const { net, vat } = splitVat(gross);
  const lines: S['DocumentLine'][] = [];
  const line = (description: string, quantity: string | null, unit: string | null, lineNet: number, lineGross: number): void => {
    lines.push({ description, quantity, unit, net: money(lineNet), vatRate: '23', gross: money(lineGross) });
  };
  if (doc.type === 'interest_note') {
    lines.push({ description: 'Odsetki ustawowe za opóźnienie w transakcjach handlowych', quantity: null, unit: null, net: money(gross), vatRate: 'np', gross: money(gross) });
  } else if (doc.type === 'correction') {
    line('Korekta zużycia – odczyt rzeczywisty zamiast prognozy', null, null, net, gross);
  } else {
    const zoned = doc.pointIds[0] === POINT_IDS.flat;
    const energyNet = Math.round(net * 0.62);
    const feeNet = 2 * 1_281;
    const distributionNet = net - energyNet - feeNet;
    const energyGross = Math.round(energyNet * 1.23);
    const feeGross = Math.round(feeNet * 1.23);
    const distributionGross = gross - energyGross - feeGross;
    const kWh = Math.round(energyNet / 82);
    if (zoned) {
      const dayNet = Math.round(energyNet * 0.7);
      const dayGross = Math.round(energyGross * 0.7);
      line('Energia czynna – strefa dzienna', String(Math.round(kWh * 0.6)), 'kWh', dayNet, dayGross);
      line('Energia czynna – strefa nocna', String(Math.round(kWh * 0.4)), 'kWh', energyNet - dayNet, energyGross - dayGross);
    } else {
      line('Energia czynna – całodobowa', String(kWh), 'kWh', energyNet, energyGross);
    }
    line('Opłata handlowa', '2', 'mies.', feeNet, feeGross);
    line('Opłaty dystrybucyjne (stałe i zmienne)', null, null, distributionNet, distributionGross);
  }
  const payments: S['AllocatedPayment'][] = paymentHistory
    .filter((p) => p.status === 'paid' && p.documentIds.includes(doc.id))
    .map((p) => ({
      paymentId: p.id,
      date: warsawDate(new Date(p.completedAt ?? p.createdAt)),
      amount: p.amount,
      method: p.method ?? 'other',
    }));
  return { ...doc, net: money(doc.type === 'interest_note' ? gross : net), vat: money(doc.type === 'interest_note' ? 0 : vat), lines, payments };
}

// ---------------------------------------------------------------------------------------------------------------
// Balance
// ---------------------------------------------------------------------------------------------------------------

export type BalanceCase = 'overdue' | 'overpaid' | 'settled' | 'over-cap';

/** When the billing system last computed the figures: today 06:00 Polish time. */
function balanceAsOf(now: Date): string {
  return polishTime(warsawDate(now), 6, 0);
}

/**
 * The three named balance cases:
 * - `overdue`: 245.67 owed, all of it overdue (two documents, the oldest due 40 days ago), nothing upcoming (red);
 * - `overpaid`: a credit of 120.00 (205.40 unallocated against one 85.40 invoice due in 9 days) (blue/green);
 * - `settled`: 0.00, nothing open, no next payment (green);
 * - `over-cap`: 5234.18 owed by one annual settlement invoice due in 12 days, more than the 4300.00 payment cap.
 */
export function makeBalance(kind: BalanceCase, now: Date = new Date()): Balance {
  const asOf = balanceAsOf(now);
  switch (kind) {
    case 'overdue':
      return {
        balance: money(24_567),
        openDocumentsTotal: money(24_567),
        overdue: money(24_567),
        oldestDueDate: dateFromNow(now, -40),
        overdueCount: 2,
        nextPayment: null,
        unallocatedPayments: money(0),
        asOf,
        currency: 'PLN',
      };
    case 'overpaid':
      return {
        balance: money(-12_000),
        openDocumentsTotal: money(8_540),
        overdue: money(0),
        oldestDueDate: null,
        overdueCount: 0,
        nextPayment: { amount: money(8_540), dueDate: dateFromNow(now, 9) },
        unallocatedPayments: money(20_540),
        asOf,
        currency: 'PLN',
      };
    case 'over-cap':
      return {
        balance: money(523_418),
        openDocumentsTotal: money(523_418),
        overdue: money(0),
        oldestDueDate: null,
        overdueCount: 0,
        nextPayment: { amount: money(523_418), dueDate: dateFromNow(now, 12) },
        unallocatedPayments: money(0),
        asOf,
        currency: 'PLN',
      };
    case 'settled':
      return {
        balance: money(0),
        openDocumentsTotal: money(0),
        overdue: money(0),
        oldestDueDate: null,
        overdueCount: 0,
        nextPayment: null,
        unallocatedPayments: money(0),
        asOf,
        currency: 'PLN',
      };
  }
}

/**
 * The balance over a list of documents (the default answer: it agrees with the document list). With the
 * default documents: 389.47 + 212.10 + 245.67 = 847.24 owed, 245.67 overdue, next 212.10 due in 3 days.
 */
export function balanceFromDocuments(docs: readonly DocumentSummary[], now: Date = new Date(), unallocated = 0): Balance {
  const open = docs.filter((d) => grosze(d.remaining) > 0);
  const overdueDocs = open.filter((d) => isOverdue(d.dueDate, now));
  const upcoming = open.filter((d) => !isOverdue(d.dueDate, now)).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const total = open.reduce((sum, d) => sum + grosze(d.remaining), 0);
  const first = upcoming[0];
  return {
    balance: money(total - unallocated),
    openDocumentsTotal: money(total),
    overdue: money(overdueDocs.reduce((sum, d) => sum + grosze(d.remaining), 0)),
    oldestDueDate: overdueDocs.map((d) => d.dueDate).sort()[0] ?? null,
    overdueCount: overdueDocs.length,
    nextPayment: first
      ? { amount: money(upcoming.filter((d) => d.dueDate === first.dueDate).reduce((s, d) => s + grosze(d.remaining), 0)), dueDate: first.dueDate }
      : null,
    unallocatedPayments: money(unallocated),
    asOf: balanceAsOf(now),
    currency: 'PLN',
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Payments
// ---------------------------------------------------------------------------------------------------------------

/** Fixed ids of payments in every final status, for stories of the return from the payment operator. */
export const PAYMENT_IDS = {
  paid: 'pay_8Hq2Lm4Xr',
  declined: 'pay_3Dk9Vn2Tb',
  cancelled: 'pay_6Wm1Qz8Ha',
  expired: 'pay_9Yc4Rt7Lp',
} as const;

const HISTORY_METHODS: readonly S['PaymentRecordMethod'][] = ['blik', 'transfer', 'other', 'card'];

/**
 * The payment history, newest first: one payment per settled document (online ones and `other` ones such as a
 * bank transfer), the part payment of the partially paid invoice, and a declined, a cancelled and an expired
 * attempt at the overdue invoice.
 */
export function makePayments(docs: readonly DocumentSummary[] = makeDocuments(), now: Date = new Date()): Payment[] {
  const payments: Payment[] = [];
  const today = warsawDate(now);
  docs.forEach((doc, i) => {
    const gross = grosze(doc.gross);
    const remaining = grosze(doc.remaining);
    if (gross <= 0) return;
    const paid = gross - remaining;
    if (paid <= 0) return;
    const payDate = addDays(doc.dueDate < today ? doc.dueDate : today, doc.dueDate < today ? -2 : -1);
    const method = remaining > 0 ? 'blik' : (HISTORY_METHODS[i % HISTORY_METHODS.length] ?? 'other');
    const minute = (i * 7) % 59;
    const created = method === 'other' ? polishTime(payDate, 0, 0) : polishTime(payDate, 10 + (i % 8), minute);
    const completed = method === 'other' ? created : polishTime(payDate, 10 + (i % 8), minute + 1);
    payments.push({
      id: i === 3 ? PAYMENT_IDS.paid : `pay_h${pad(i, 3)}${doc.id.slice(-4)}`,
      status: 'paid',
      amount: money(paid),
      method,
      documentIds: [doc.id],
      createdAt: created,
      completedAt: completed,
    });
  });
  const overdue = docs.find((d) => d.status === 'overdue');
  if (overdue) {
    const attempt = (id: string, status: S['PaymentStatus'], method: S['PaymentRecordMethod'] | null, days: number, minutes: number): Payment => {
      const created = polishTime(dateFromNow(now, days), 19, 12);
      const createdDate = new Date(warsawInstant(dateFromNow(now, days), 19 * 3600 + 12 * 60).getTime() + minutes * 60_000);
      return { id, status, amount: overdue.remaining, method, documentIds: [overdue.id], createdAt: created, completedAt: warsawIso(createdDate) };
    };
    payments.push(attempt(PAYMENT_IDS.declined, 'declined', 'card', -6, 2));
    payments.push(attempt(PAYMENT_IDS.cancelled, 'cancelled', 'blik', -4, 1));
    payments.push(attempt(PAYMENT_IDS.expired, 'expired', null, -2, 30));
  }
  return payments.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}

// ---------------------------------------------------------------------------------------------------------------
// Readings
// ---------------------------------------------------------------------------------------------------------------

/** The last settlement reading of the flat's registers, 58 days ago (the reading context's `lastReading`). */
export const LAST_READING = { day: 12_650, night: 5_890, daysAgo: 58 } as const;

/**
 * What is needed to submit a reading of a point. The flat (G12) has a window open from 3 days ago to 7 days
 * ahead (or, with `open: false`, closed until 20 days ahead); the cottage's smart meter is read remotely, so its
 * window is closed with no next window.
 */
export function makeReadingContext(pointId: string, now: Date = new Date(), options: { open?: boolean } = {}): ReadingContext | undefined {
  const open = options.open ?? true;
  const lastReadAt = polishTime(dateFromNow(now, -LAST_READING.daysAgo), 17, 30);
  if (pointId === POINT_IDS.flat) {
    const register = (registerId: string, zone: string, obisCode: string, last: number, min: number, max: number): S['ReadingContextRegister'] => ({
      registerId,
      meterSerialNumber: '93812744',
      zone,
      obisCode,
      unit: 'kWh',
      direction: 'consumption',
      digits: 5,
      decimals: 0,
      lastReading: { value: String(last), readAt: lastReadAt, kind: 'settlement' },
      allowedRange: { min: String(min), max: String(max) },
      maxValue: '99999',
    });
    return {
      pointId,
      window: open
        ? {
            open: true,
            opensAt: polishTime(dateFromNow(now, -3), 0, 0),
            closesAt: polishTime(dateFromNow(now, 7), 23, 59),
            nextOpensAt: polishTime(dateFromNow(now, 58), 0, 0),
            nextClosesAt: polishTime(dateFromNow(now, 68), 23, 59),
          }
        : {
            open: false,
            opensAt: null,
            closesAt: null,
            nextOpensAt: polishTime(dateFromNow(now, 20), 0, 0),
            nextClosesAt: polishTime(dateFromNow(now, 30), 23, 59),
          },
      registers: [
        register('reg_e1_day', 'day', '1.8.1', LAST_READING.day, LAST_READING.day + 30, LAST_READING.day + 600),
        register('reg_e1_night', 'night', '1.8.2', LAST_READING.night, LAST_READING.night + 15, LAST_READING.night + 350),
      ],
      photoAllowed: portalConfig.readings.photoAllowed,
      maxPhotoBytes: portalConfig.readings.maxPhotoBytes,
    };
  }
  if (pointId === POINT_IDS.cottage) {
    return {
      pointId,
      window: { open: false, opensAt: null, closesAt: null, nextOpensAt: null, nextClosesAt: null },
      registers: [
        {
          registerId: 'reg_e2_all',
          meterSerialNumber: 'AM550-0071123',
          zone: 'all',
          obisCode: '1.8.0',
          unit: 'kWh',
          direction: 'consumption',
          digits: 6,
          decimals: 0,
          lastReading: { value: '4217', readAt: polishTime(dateFromNow(now, -1), 0, 0), kind: 'operator' },
          allowedRange: null,
          maxValue: '999999',
        },
      ],
      photoAllowed: false,
      maxPhotoBytes: 0,
    };
  }
  return undefined;
}

/** The reading history of a point, newest first: every two months, from the customer, the operator or estimated. */
export function makeReadings(pointId: string, now: Date = new Date()): Reading[] {
  if (pointId === POINT_IDS.flat) {
    const kinds: readonly S['ReadingKind'][] = ['settlement', 'operator', 'estimated', 'settlement', 'control', 'operator'];
    return Array.from({ length: 12 }, (_, k): Reading => {
      const day = LAST_READING.day - k * 395 - ((k * k) % 7) * 11;
      const night = LAST_READING.night - k * 187 - ((k * 3) % 5) * 6;
      const kind = kinds[k % kinds.length] ?? 'operator';
      return {
        id: `rdg_${58_120 - k * 211}`,
        pointId,
        readAt: polishTime(dateFromNow(now, -LAST_READING.daysAgo - 61 * k), kind === 'operator' ? 11 : 17, 30),
        kind,
        status: k === 4 ? 'rejected' : 'accepted',
        values: [
          { registerId: 'reg_e1_day', zone: 'day', unit: 'kWh', value: String(day) },
          { registerId: 'reg_e1_night', zone: 'night', unit: 'kWh', value: String(night) },
        ],
      };
    });
  }
  if (pointId === POINT_IDS.cottage) {
    return Array.from({ length: 6 }, (_, k): Reading => ({
      id: `rdg_${71_500 - k * 97}`,
      pointId,
      readAt: polishTime(dateFromNow(now, -1 - 30 * k), 0, 0),
      kind: 'operator',
      status: 'accepted',
      values: [{ registerId: 'reg_e2_all', zone: 'all', unit: 'kWh', value: String(4_217 - k * 83 - (k % 2) * 17) }],
    }));
  }
  return [];
}

// ---------------------------------------------------------------------------------------------------------------
// Consumption
// ---------------------------------------------------------------------------------------------------------------

export interface ConsumptionQuery {
  pointId?: string;
  kind?: S['UtilityKind'];
  granularity?: 'month' | 'day';
  year?: number;
  compare?: boolean;
}

/** Monthly kWh of a register zone: the flat uses more in winter, the cottage in summer. Deterministic. */
function monthlyValue(zone: string, year: number, month: number): number {
  const winter = Math.cos(((month - 1) / 12) * 2 * Math.PI);
  const drift = ((year * 7 + month * 13) % 9) - 4;
  if (zone === 'day') return Math.round(205 + 48 * winter + drift * 3);
  if (zone === 'night') return Math.round(98 + 21 * winter + drift);
  return Math.max(0, Math.round(62 - 55 * winter + drift * 2));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function seriesFor(pointId: string, year: number, granularity: 'month' | 'day', today: string): S['ConsumptionSeries'][] {
  const zones = pointId === POINT_IDS.flat ? ['day', 'night'] : ['all'];
  const [thisYear, thisMonth, thisDay] = dateParts(today);
  return zones.map((zone) => {
    const pointsOut: S['ConsumptionPoint'][] = [];
    for (let month = 1; month <= 12; month++) {
      if (year > thisYear || (year === thisYear && month > thisMonth)) break;
      const current = year === thisYear && month === thisMonth;
      if (granularity === 'month') {
        pointsOut.push({ period: `${year}-${pad(month)}`, value: monthlyValue(zone, year, month), estimated: current });
      } else {
        const days = daysInMonth(year, month);
        const perDay = monthlyValue(zone, year, month) / days;
        for (let day = 1; day <= days; day++) {
          if (current && day >= thisDay) break;
          const wobble = ((day * 31 + month * 7) % 10) / 10 - 0.45;
          pointsOut.push({ period: `${year}-${pad(month)}-${pad(day)}`, value: Math.max(0, Math.round(perDay * (1 + wobble) * 10) / 10), estimated: false });
        }
      }
    }
    return { year, zone, direction: 'consumption' as const, points: pointsOut };
  });
}

/**
 * Consumption for a chart: per month (or per day for the smart-metered cottage) of `year` (default: this year,
 * up to this month, the current month estimated) and, with `compare`, the whole previous year; day/night zones
 * for the flat, one zone for the cottage, all of them without `pointId`. Returns `undefined` for an unknown point.
 */
export function makeConsumption(query: ConsumptionQuery = {}, now: Date = new Date()): Consumption | undefined {
  const today = warsawDate(now);
  const granularity = query.granularity ?? 'month';
  const year = query.year ?? dateParts(today)[0];
  const years = query.compare ? [year, year - 1] : [year];
  let pointIds: string[];
  if (query.pointId !== undefined) {
    if (!points.some((p) => p.id === query.pointId)) return undefined;
    pointIds = [query.pointId];
  } else {
    pointIds = query.kind === undefined || query.kind === 'electricity' ? points.map((p) => p.id) : [];
  }
  const unit: S['Unit'] = query.kind === 'water' ? 'm3' : query.kind === 'heat' ? 'GJ' : 'kWh';
  const series = years.flatMap((y) => pointIds.flatMap((id) => seriesFor(id, y, granularity, today))).filter((s) => s.points.length > 0);
  // Without pointId the same zone of several points is summed into one series.
  const merged: S['ConsumptionSeries'][] = [];
  for (const s of series) {
    const same = merged.find((m) => m.year === s.year && m.zone === s.zone && m.direction === s.direction);
    if (!same) {
      merged.push({ ...s, points: s.points.map((p) => ({ ...p })) });
      continue;
    }
    for (const p of s.points) {
      const match = same.points.find((q) => q.period === p.period);
      if (match) {
        match.value = Math.round((match.value + p.value) * 10) / 10;
        match.estimated = match.estimated || p.estimated;
      } else {
        same.points.push({ ...p });
      }
    }
  }
  const totals: S['ConsumptionTotal'][] = years
    .map((y) => {
      const ofYear = merged.filter((s) => s.year === y);
      const all = ofYear.flatMap((s) => s.points);
      return { year: y, direction: 'consumption' as const, value: Math.round(all.reduce((sum, p) => sum + p.value, 0) * 10) / 10, estimated: all.some((p) => p.estimated), count: all.length };
    })
    .filter((t) => t.count > 0)
    .map(({ count: _count, ...total }) => total);
  return { unit, granularity, year, pointIds, series: merged, totals };
}

// ---------------------------------------------------------------------------------------------------------------
// Tickets
// ---------------------------------------------------------------------------------------------------------------

export const ticketCategories: TicketCategory[] = [
  {
    id: 'cat_invoice',
    kind: 'complaint',
    label: { pl: 'Reklamacja faktury', en: 'Invoice complaint' },
    description: { pl: 'Błędna kwota, zużycie lub dane na fakturze.', en: 'Wrong amount, consumption or data on an invoice.' },
    requiresPoint: false,
    requiresDocument: true,
    allowsAttachments: true,
    maxAttachments: 5,
    maxAttachmentBytes: 10_485_760,
    allowedTypes: ['application/pdf', 'image/jpeg', 'image/png'],
  },
  {
    id: 'cat_reading',
    kind: 'question',
    label: { pl: 'Odczyt licznika', en: 'Meter reading' },
    description: null,
    requiresPoint: true,
    requiresDocument: false,
    allowsAttachments: true,
    maxAttachments: 3,
    maxAttachmentBytes: 5_242_880,
    allowedTypes: ['image/jpeg', 'image/png'],
  },
  {
    id: 'cat_outage',
    kind: 'outage_report',
    label: { pl: 'Zgłoszenie awarii', en: 'Report an outage' },
    description: {
      pl: 'W razie zagrożenia życia dzwoń pod numer alarmowy 112 lub pogotowie energetyczne 991.',
      en: 'If life is in danger call 112 or the power emergency line 991.',
    },
    requiresPoint: true,
    requiresDocument: false,
    allowsAttachments: false,
    maxAttachments: 0,
    maxAttachmentBytes: 0,
    allowedTypes: [],
  },
  {
    id: 'cat_data',
    kind: 'request',
    label: { pl: 'Zmiana danych', en: 'Change of personal data' },
    description: { pl: 'Zmiana nazwiska, adresu lub numeru konta do zwrotów.', en: 'Change of name, address or refund bank account.' },
    requiresPoint: false,
    requiresDocument: false,
    allowsAttachments: true,
    maxAttachments: 2,
    maxAttachmentBytes: 10_485_760,
    allowedTypes: ['application/pdf', 'image/jpeg', 'image/png'],
  },
  {
    id: 'cat_tariff',
    kind: 'request',
    label: { pl: 'Zmiana taryfy', en: 'Tariff change' },
    description: null,
    requiresPoint: true,
    requiresDocument: false,
    allowsAttachments: true,
    maxAttachments: 2,
    maxAttachmentBytes: 10_485_760,
    allowedTypes: ['application/pdf'],
  },
];

/** Ids of the tickets, by what they show. */
export const TICKET_IDS = { answered: 'tkt_7731', awaitingCustomer: 'tkt_7802', open: 'tkt_7850', closed: 'tkt_7102' } as const;

/** The customer's tickets with their threads, most recently updated first. */
export function makeTickets(now: Date = new Date(), docs: readonly DocumentSummary[] = makeDocuments(DOCUMENT_COUNT, now)): TicketDetail[] {
  const at = (days: number, hour: number, minute: number): string => polishTime(dateFromNow(now, days), hour, minute);
  const year = warsawDate(now).slice(0, 4);
  const disputed = docs[3] ?? docs[0];
  const disputedNumber = disputed?.number ?? 'FV/2025/02/000388';
  const tickets: TicketDetail[] = [
    {
      id: TICKET_IDS.open,
      number: `ZGL/${year}/018901`,
      categoryId: 'cat_reading',
      subject: 'Pytanie o prognozę zużycia',
      status: 'open',
      pointId: POINT_IDS.flat,
      documentId: null,
      createdAt: at(-1, 20, 4),
      updatedAt: at(-1, 20, 4),
      lastMessageAuthor: 'customer',
      messages: [
        {
          id: 'tmsg_20790',
          author: 'customer',
          authorName: 'Jan Kowalski',
          body: 'Dzień dobry, dlaczego prognoza na kolejne dwa miesiące jest o 30% wyższa niż rok temu? Zużycie mamy podobne.',
          createdAt: at(-1, 20, 4),
          attachments: [],
        },
      ],
    },
    {
      id: TICKET_IDS.awaitingCustomer,
      number: `ZGL/${year}/018877`,
      categoryId: 'cat_reading',
      subject: 'Odczyt licznika w strefie nocnej',
      status: 'awaiting_customer',
      pointId: POINT_IDS.flat,
      documentId: null,
      createdAt: at(-4, 9, 15),
      updatedAt: at(-3, 12, 48),
      lastMessageAuthor: 'consultant',
      messages: [
        {
          id: 'tmsg_20650',
          author: 'customer',
          authorName: 'Jan Kowalski',
          body: 'Podałem odczyt strefy nocnej, ale system pokazuje inną wartość. Proszę o sprawdzenie.',
          createdAt: at(-4, 9, 15),
          attachments: [],
        },
        {
          id: 'tmsg_20671',
          author: 'consultant',
          authorName: 'Marek z Biura Obsługi Klienta',
          body: 'Dzień dobry, prosimy o przesłanie zdjęcia licznika, na którym widać oba liczydła i numer licznika.',
          createdAt: at(-3, 12, 48),
          attachments: [],
        },
      ],
    },
    {
      id: TICKET_IDS.answered,
      number: `ZGL/${year}/018842`,
      categoryId: 'cat_invoice',
      subject: 'Zawyżona faktura – zużycie z prognozy',
      status: 'resolved',
      pointId: POINT_IDS.flat,
      documentId: disputed?.id ?? null,
      createdAt: at(-8, 10, 32),
      updatedAt: at(-5, 13, 5),
      lastMessageAuthor: 'consultant',
      messages: [
        {
          id: 'tmsg_20411',
          author: 'customer',
          authorName: 'Jan Kowalski',
          body: `Dzień dobry, faktura ${disputedNumber} uwzględnia zużycie z prognozy, choć podałem odczyt w oknie odczytowym. Proszę o korektę.`,
          createdAt: at(-8, 10, 32),
          attachments: [{ id: 'att_51c2', name: 'licznik-zdjecie.jpg', size: 1_843_201, contentType: 'image/jpeg' }],
        },
        {
          id: 'tmsg_20533',
          author: 'consultant',
          authorName: 'Katarzyna z Biura Obsługi Klienta',
          body: 'Dzień dobry, reklamację uznaliśmy. Korekta faktury jest dostępna w zakładce Faktury, a nadpłata zostanie zaliczona na poczet kolejnej płatności.',
          createdAt: at(-5, 13, 5),
          attachments: [{ id: 'att_51f9', name: 'korekta-faktury.pdf', size: 88_412, contentType: 'application/pdf' }],
        },
      ],
    },
    {
      id: TICKET_IDS.closed,
      number: `ZGL/${Number(year) - 1}/104220`,
      categoryId: 'cat_tariff',
      subject: 'Zmiana taryfy na G12W',
      status: 'closed',
      pointId: POINT_IDS.flat,
      documentId: null,
      createdAt: at(-130, 19, 2),
      updatedAt: at(-122, 11, 40),
      lastMessageAuthor: 'consultant',
      messages: [
        {
          id: 'tmsg_18002',
          author: 'customer',
          authorName: 'Jan Kowalski',
          body: 'Proszę o zmianę taryfy na G12W od następnego okresu rozliczeniowego.',
          createdAt: at(-130, 19, 2),
          attachments: [{ id: 'att_4410', name: 'wniosek-zmiana-taryfy.pdf', size: 154_880, contentType: 'application/pdf' }],
        },
        {
          id: 'tmsg_18090',
          author: 'consultant',
          authorName: 'Anna z Biura Obsługi Klienta',
          body: 'Dzień dobry, zmiana taryfy wymaga wymiany licznika przez operatora sieci. Przekazaliśmy wniosek; operator skontaktuje się telefonicznie. Zamykamy zgłoszenie.',
          createdAt: at(-122, 11, 40),
          attachments: [{ id: 'att_4417', name: 'odpowiedz.png', size: 902_114, contentType: 'image/png' }],
        },
      ],
    },
  ];
  return tickets;
}

/** A ticket without its thread (the list item). */
export function ticketSummary(ticket: TicketDetail): Ticket {
  const { messages: _messages, ...summary } = ticket;
  return summary;
}

// ---------------------------------------------------------------------------------------------------------------
// Messages (notification history)
// ---------------------------------------------------------------------------------------------------------------

/** The notification history, newest first: three unread. */
export function makeMessages(now: Date = new Date(), docs: readonly DocumentSummary[] = makeDocuments(DOCUMENT_COUNT, now)): Message[] {
  const at = (days: number, hour: number, minute: number): string => polishTime(dateFromNow(now, days), hour, minute);
  const newest = docs[0];
  const partial = docs[1];
  const overdue = docs[2];
  const plDate = (date: string | undefined): string => (date ? `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}` : '');
  const plMoney = (m: Money | undefined): string => (m ? `${m.amount.replace('.', ',')} zł` : '');
  const list: Message[] = [
    {
      id: 'msg_9040',
      channel: 'portal',
      event: 'reading_window',
      subject: 'Podaj odczyt licznika',
      body: 'Rozpoczęło się okno odczytowe dla punktu Mieszkanie – Zwycięstwa 12/4. Podaj odczyt obu stref do końca okna, a faktura będzie za rzeczywiste zużycie.',
      sentAt: at(-3, 7, 0),
      readAt: null,
    },
    {
      id: 'msg_9031',
      channel: 'email',
      event: 'new_invoice',
      subject: `Nowa faktura ${newest?.number ?? ''}`,
      body: `Dzień dobry, wystawiliśmy fakturę ${newest?.number ?? ''} na kwotę ${plMoney(newest?.gross)} z terminem płatności ${plDate(newest?.dueDate)}. Fakturę znajdziesz w eBOK.`,
      sentAt: at(-3, 8, 1),
      readAt: null,
    },
    {
      id: 'msg_9027',
      channel: 'sms',
      event: 'overdue_reminder',
      subject: null,
      body: `Energia Przykład: minął termin płatności faktury ${overdue?.number ?? ''} (${plMoney(overdue?.remaining)}). Jeśli już zapłaciłeś, zignoruj tę wiadomość.`,
      sentAt: at(-2, 10, 0),
      readAt: null,
    },
    {
      id: 'msg_9022',
      channel: 'portal',
      event: 'ticket_reply',
      subject: 'Odpowiedź na zgłoszenie',
      body: 'Konsultant odpowiedział na Twoje zgłoszenie „Odczyt licznika w strefie nocnej”. Odpowiedź znajdziesz w zakładce Zgłoszenia.',
      sentAt: at(-3, 12, 49),
      readAt: at(-3, 18, 20),
    },
    {
      id: 'msg_9018',
      channel: 'email',
      event: 'payment_received',
      subject: 'Otrzymaliśmy Twoją wpłatę',
      body: `Dziękujemy, zaksięgowaliśmy wpłatę 100,00 zł na poczet faktury ${partial?.number ?? ''}.`,
      sentAt: at(-6, 9, 30),
      readAt: at(-6, 21, 2),
    },
    {
      id: 'msg_9011',
      channel: 'portal',
      event: 'planned_works',
      subject: 'Planowane prace na sieci – ul. Zwycięstwa',
      body: 'W najbliższych dniach w godz. 8:00–14:00 możliwe przerwy w dostawie energii z powodu prac konserwacyjnych.',
      sentAt: at(-7, 14, 20),
      readAt: at(-7, 16, 0),
    },
    {
      id: 'msg_9004',
      channel: 'sms',
      event: 'due_date',
      subject: null,
      body: `Energia Przykład: za 3 dni mija termin płatności faktury ${overdue?.number ?? ''} (${plMoney(overdue?.gross)}).`,
      sentAt: at(-21, 10, 0),
      readAt: at(-21, 12, 31),
    },
    {
      id: 'msg_8990',
      channel: 'email',
      event: 'account_security',
      subject: 'Nowe logowanie do eBOK',
      body: 'Zalogowano się do eBOK z nowego urządzenia (Chrome, Linux). Jeśli to nie Ty, zmień hasło i skontaktuj się z nami.',
      sentAt: at(-30, 21, 14),
      readAt: at(-30, 21, 20),
    },
    {
      id: 'msg_8975',
      channel: 'email',
      event: 'other',
      subject: 'Zmiana cennika od nowego roku',
      body: 'Informujemy o zmianie cennika opłaty handlowej. Szczegóły w załączniku do umowy dostępnym w eBOK.',
      sentAt: at(-45, 9, 0),
      readAt: at(-44, 8, 12),
    },
  ];
  return list.sort((a, b) => Date.parse(b.sentAt) - Date.parse(a.sentAt));
}

// ---------------------------------------------------------------------------------------------------------------
// Outages (public)
// ---------------------------------------------------------------------------------------------------------------

/** Planned and ongoing interruptions around Gliwice, soonest first; one ended yesterday. */
export function makeOutages(now: Date = new Date()): Outage[] {
  const at = (days: number, hour: number, minute = 0): string => polishTime(dateFromNow(now, days), hour, minute);
  const list: Outage[] = [
    {
      id: 'out_3301',
      kind: 'electricity',
      area: { municipality: 'Gliwice', locality: 'Śródmieście', postalCodes: ['44-100'] },
      streets: ['ul. Dworcowa 1–15'],
      startsAt: at(-1, 8),
      endsAt: at(-1, 12),
      reason: 'Przegląd stacji transformatorowej.',
      status: 'ended',
    },
    {
      id: 'out_3318',
      kind: 'electricity',
      area: { municipality: 'Gliwice', locality: 'Sośnica', postalCodes: ['44-117'] },
      streets: [],
      startsAt: instantFromNow(now, -2 * 3600),
      endsAt: null,
      reason: 'Awaria linii kablowej średniego napięcia.',
      status: 'ongoing',
    },
    {
      id: 'out_3311',
      kind: 'electricity',
      area: { municipality: 'Gliwice', locality: 'Śródmieście', postalCodes: ['44-100'] },
      streets: ['ul. Zwycięstwa 1–25', 'ul. Dworcowa'],
      startsAt: at(3, 8),
      endsAt: at(3, 14),
      reason: 'Planowane prace konserwacyjne na sieci niskiego napięcia.',
      status: 'planned',
    },
    {
      id: 'out_3325',
      kind: 'electricity',
      area: { municipality: 'Zabrze', locality: 'Biskupice', postalCodes: ['41-800', '41-803'] },
      streets: ['ul. Bytomska', 'ul. Szybowa 2–40'],
      startsAt: at(6, 9),
      endsAt: at(6, 15, 30),
      reason: 'Wymiana słupów linii napowietrznej.',
      status: 'planned',
    },
    {
      id: 'out_3330',
      kind: 'electricity',
      area: { municipality: 'Toszek', locality: 'Pławniowice', postalCodes: ['44-171'] },
      streets: ['ul. Jeziorna', 'ul. Parkowa'],
      startsAt: at(12, 7, 30),
      endsAt: at(12, 13),
      reason: 'Przyłączenie nowej stacji transformatorowej.',
      status: 'planned',
    },
    {
      id: 'out_3342',
      kind: 'electricity',
      area: { municipality: 'Knurów', locality: null, postalCodes: ['44-190'] },
      streets: ['ul. Szpitalna', 'ul. 1 Maja 10–32'],
      startsAt: at(19, 8),
      endsAt: at(19, 16),
      reason: 'Modernizacja linii kablowej.',
      status: 'planned',
    },
  ];
  return list.sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
}

// ---------------------------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------------------------

/** Tiny real images (4×4 px, green) so downloads and previews open. */
export const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAYAAACp8Z5+AAAAIklEQVR4AYTIoQ0AAAwCwYaBKrpfZwdLMHzy5rB/9DFRBwEAAP//b5rXwAAAAAZJREFUAwC33wd51oowHwAAAABJRU5ErkJggg==';
export const JPEG_BASE64 =
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAEAAQDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABAX/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCaAInv/9k=';

export function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const ASCII_FOLD: Record<string, string> = { ą: 'a', ć: 'c', ę: 'e', ł: 'l', ń: 'n', ó: 'o', ś: 's', ź: 'z', ż: 'z', Ą: 'A', Ć: 'C', Ę: 'E', Ł: 'L', Ń: 'N', Ó: 'O', Ś: 'S', Ź: 'Z', Ż: 'Z', '–': '-' };

/**
 * A small, valid one-page PDF showing `lines` (Polish letters folded to ASCII: the built-in Helvetica has no
 * Polish glyphs), with a correct cross-reference table.
 */
export function makePdf(lines: readonly string[]): Uint8Array<ArrayBuffer> {
  const escape = (text: string): string =>
    text
      .replace(/[^\x20-\x7e]/g, (ch) => ASCII_FOLD[ch] ?? '?')
      .replace(/[\\()]/g, (ch) => `\\${ch}`);
  const content = ['BT', '/F1 12 Tf', '56 780 Td', '16 TL', ...lines.map((l) => `(${escape(l)}) '`), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${pad(o, 10)} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}
