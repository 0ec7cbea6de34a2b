/**
 * Fixtures for the mock API: the personas of demo/personas (the world the reference server seeds too), seen
 * through the API. By default the energia persona (energia@example.com, Jan Kowalski, Energia Przykład), so
 * Storybook shows the customer the demo shows; signing in as another demo login serves that persona.
 *
 * Everything is typed with the contract's schemas. Whatever depends on today (due dates, reading windows,
 * outages, session deadlines, message dates) is computed from `now` on the Polish calendar, so an overdue
 * invoice stays overdue and an open reading window stays open whenever a story or a test runs.
 */
import type { components } from '../../src/api/schema.js';
import { addDays, dateParts, warsawDate, warsawInstant, warsawIso } from '../../src/i18n/calendar.js';
import {
  DEMO_PASSWORD,
  ENERGIA,
  ENERGIA_IDS,
  ONE_TIME_PASSWORD,
  REGISTRATION,
  allocatedTo,
  balanceOver,
  contractsOf,
  documentSummary,
  money,
  outageView,
  outagesAt,
  paymentView,
  persona,
  pointsOf,
  readingsOf,
  remainingOf,
  sessionOf,
  unallocatedOf,
  withoutPayments,
  type Persona,
  type PersonaDocument,
  type PersonaKey,
  type SessionTimes,
} from '../../demo/personas/index.js';

export { money, grosze, base64Bytes, makePdf, PNG_BASE64, JPEG_BASE64 } from '../../demo/personas/index.js';
export type { PersonaKey } from '../../demo/personas/index.js';

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
// Time helpers
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

// ---------------------------------------------------------------------------------------------------------------
// Demo accounts and portal
// ---------------------------------------------------------------------------------------------------------------

/** Sign-in data the mock understands (documented in stories/mocks/README.md). */
export const DEMO = {
  email: 'energia@example.com',
  /** The PESEL of Jan Kowalski (born 1944), a customer without an account: registration, with `customerNumber`. */
  pesel: REGISTRATION.pesel,
  customerNumber: REGISTRATION.customerNumber,
  password: DEMO_PASSWORD,
  /** Signs in with the same password, then asks for a second factor. */
  mfaEmail: '2fa@example.com',
  mfaCode: '123456',
  mfaChallengeId: 'mfa_7Qk2VfXw9LpA3nZr',
  /** Right password, account never activated → `403 account_not_activated`. */
  notActivatedEmail: 'nieaktywne@example.com',
  /** Signs in with the one-time password below → `403 password_change_required`. */
  oneTimeEmail: 'jednorazowe@example.com',
  oneTimePassword: ONE_TIME_PASSWORD,
  changeToken: 'chg_4PzLr8QwX2mKd7VtYc1N',
  /** Right password, locked account → the same `401 invalid_credentials` as a wrong password. */
  lockedEmail: 'zablokowane@example.com',
  csrfToken: 'c7Hk2pQ9vX4mZ1tR8wY3nB6jL0sD5fGa',
  /**
   * Reset / activation tokens with a fixed outcome; any other token of valid length succeeds. The check operations
   * tell expired (`token_expired`) from unknown (`token_invalid_or_expired`); the others answer both alike.
   */
  expiredToken: 'rst_expired_000000000000',
  usedToken: 'rst_used_0000000000000000',
  /** A token no server issued (cut off, mistyped): `422 token_invalid_or_expired` everywhere. */
  invalidToken: 'rst_invalid_000000000000',
} as const;

/** The energy utility's portal configuration (the energia persona's; the portal a visitor first sees). */
export const portalConfig: PortalConfig = structuredClone(ENERGIA.config);

/** The portal configuration with online payments switched off (no methods, no cap, no fee note). */
export const portalConfigPaymentsDisabled: PortalConfig = withoutPayments(portalConfig);

// ---------------------------------------------------------------------------------------------------------------
// Personas through the API
// ---------------------------------------------------------------------------------------------------------------

/** The energia persona at `now`. */
export const energia = (now: Date = new Date()): Persona => persona('energia', now);

/** Energia's session: idle 900 s, absolute 43 200 s (the energy portal's); the idle deadline never passes the absolute one. */
export function makeSession(now: Date = new Date(), times: Omit<SessionTimes, 'csrfToken'> = {}, key: PersonaKey = 'energia'): Session {
  return sessionOf(persona(key, now), now, { ...times, csrfToken: DEMO.csrfToken });
}

export const POINT_IDS = { flat: ENERGIA_IDS.flat, cottage: ENERGIA_IDS.cottage } as const;

/** Energia's points: a G12 flat (day/night registers OBIS 1.8.1 / 1.8.2, read by the customer) and a G11 cottage with a smart meter. */
export const points: PointOfDelivery[] = pointsOf(energia());

/** The contracts of a persona at `now`: active first, then by start date, newest first. */
export function makeContracts(now: Date = new Date(), key: PersonaKey = 'energia'): Contract[] {
  return contractsOf(persona(key, now));
}

// ---------------------------------------------------------------------------------------------------------------
// Financial documents and payments
// ---------------------------------------------------------------------------------------------------------------

export interface DocumentOptions {
  /** When `false`, no document is `payable` (payments switched off). Default `true`. */
  paymentsEnabled?: boolean;
  /** Documents of a pending payment: not `payable` while it runs. */
  pending?: ReadonlySet<string>;
}

/** A persona's documents, newest first (`-issueDate`, then id), in the API's shape at `now`. */
export function documentsOfPersona(p: Persona, now: Date, options: DocumentOptions = {}): DocumentSummary[] {
  const payable = (options.paymentsEnabled ?? true) && p.utility.config.features.payments;
  return [...p.documents()]
    .sort((a, b) => b.issueDate.localeCompare(a.issueDate) || b.id.localeCompare(a.id))
    .map((d) => documentSummary(d, now, payable && !(options.pending?.has(d.id) ?? false)));
}

/** How many documents the energia persona has (more than one page of 20). */
export const DOCUMENT_COUNT = energia().documents().length;

/**
 * The energia persona's newest `count` documents (all of them by default) at `now`: an overdue invoice, paid
 * ones, a settled credit correction and an interest note, every due date computed from `now`.
 */
export function makeDocuments(count: number = DOCUMENT_COUNT, now: Date = new Date(), options: DocumentOptions = {}): DocumentSummary[] {
  return documentsOfPersona(energia(now), now, options).slice(0, count);
}

/** The detail of a persona's document: its lines and the payments allocated to it. */
export function makeDocumentDetail(p: Persona, doc: PersonaDocument, summary: DocumentSummary): DocumentDetail {
  return { ...summary, net: money(doc.net), vat: money(doc.vat), lines: doc.lines.map((l) => structuredClone(l)), payments: allocatedTo(doc.id, p.payments()) };
}

/** A persona's payment history, newest first, each payment with the numbers and types of its documents. */
export function paymentsOfPersona(p: Persona): Payment[] {
  const documents = new Map(p.documents().map((d) => [d.id, d]));
  return p
    .payments()
    .map((pay) => paymentView(pay, documents))
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id.localeCompare(a.id));
}

/** Energia's payment history at `now`, newest first. */
export function makePayments(now: Date = new Date()): Payment[] {
  return paymentsOfPersona(energia(now));
}

/** Fixed ids of energia's payments in every final status, for stories of the return from the payment operator. */
export const PAYMENT_IDS = ENERGIA_IDS.payments;

// ---------------------------------------------------------------------------------------------------------------
// Balance
// ---------------------------------------------------------------------------------------------------------------

export type BalanceCase = 'overdue' | 'due' | 'overpaid' | 'settled' | 'over-cap';

/**
 * The balance over a list of documents (open remaining amounts minus `unallocated` grosze), by the rule both
 * worlds use (demo/personas/rules.ts): 245.67 overdue for energia.
 */
export function balanceFromDocuments(docs: readonly DocumentSummary[], now: Date = new Date(), unallocated = 0): Balance {
  return balanceOver(docs.map((d) => ({ dueDate: d.dueDate, remaining: Math.round(Number(d.remaining.amount) * 100) })), now, unallocated);
}

/**
 * The named balance cases of the scenarios (states a story wants whatever the persona):
 * - `overdue`: 245.67 owed, all of it overdue (two documents, the oldest due 40 days ago), nothing upcoming (red);
 * - `due`: 310.00 owed by one invoice due in 9 days, nothing overdue (red: an amount to pay);
 * - `overpaid`: a credit of 120.00 (205.40 unallocated against one 85.40 invoice due in 9 days) (blue/green);
 * - `settled`: 0.00, nothing open, no next payment (green);
 * - `over-cap`: 5234.18 owed by one annual settlement invoice due in 12 days, more than the 4300.00 payment cap.
 */
export function makeBalance(kind: BalanceCase, now: Date = new Date()): Balance {
  const base = (open: number, overdue: number, next: Balance['nextPayment'], unallocated: number, oldest: string | null, count: number): Balance => ({
    balance: money(open - unallocated),
    openDocumentsTotal: money(open),
    overdue: money(overdue),
    oldestDueDate: oldest,
    overdueCount: count,
    nextPayment: next,
    unallocatedPayments: money(unallocated),
    asOf: warsawIso(now),
    currency: 'PLN',
  });
  switch (kind) {
    case 'overdue':
      return base(24_567, 24_567, null, 0, dateFromNow(now, -40), 2);
    case 'due':
      return base(31_000, 0, { amount: money(31_000), dueDate: dateFromNow(now, 9) }, 0, null, 0);
    case 'overpaid':
      return base(8_540, 0, { amount: money(8_540), dueDate: dateFromNow(now, 9) }, 20_540, null, 0);
    case 'over-cap':
      return base(523_418, 0, { amount: money(523_418), dueDate: dateFromNow(now, 12) }, 0, null, 0);
    case 'settled':
      return base(0, 0, null, 0, null, 0);
  }
}

/** A persona's own balance, with only the documents `filter` keeps (a point or a contract) and then no unallocated money. */
export function balanceOfPersona(p: Persona, now: Date, filter?: (d: PersonaDocument) => boolean): Balance {
  const docs = filter ? p.documents().filter(filter) : p.documents();
  const unallocated = filter ? 0 : unallocatedOf(p.payments());
  return balanceOver(docs.map((d) => ({ dueDate: d.dueDate, remaining: remainingOf(d) })), now, unallocated);
}

// ---------------------------------------------------------------------------------------------------------------
// Readings
// ---------------------------------------------------------------------------------------------------------------

/** Energia's reading history of a point at `now`, newest first. */
export function makeReadings(pointId: string, now: Date = new Date()): Reading[] {
  return readingsOf(energia(now), pointId);
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

const ZONE_ORDER = ['all', 'day', 'night', 'peak', 'offpeak', 'morning_peak', 'afternoon_peak', 'rest'];
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Consumption of a persona for a chart, from its monthly history (24 full months and the current one,
 * estimated): per month of `year` (default: this year) or, for smart meters, per day (the days before
 * today); with `compare`, the previous year too. One point, or the sum of all points of a kind (gas in kWh
 * through its conversion factor). `undefined` for an unknown point.
 */
export function makeConsumption(query: ConsumptionQuery = {}, now: Date = new Date(), key: PersonaKey = 'energia'): Consumption | undefined {
  const p = persona(key, now);
  const today = warsawDate(now);
  const granularity = query.granularity ?? 'month';
  const year = query.year ?? dateParts(today)[0];
  const years = query.compare ? [year, year - 1] : [year];
  const all = p.points.map((x) => x.point);
  let included: PointOfDelivery[];
  let kind: S['UtilityKind'];
  if (query.pointId !== undefined) {
    const point = all.find((x) => x.id === query.pointId);
    if (!point) return undefined;
    included = [point];
    kind = point.kind;
  } else {
    const kinds = [...new Set(all.map((x) => x.kind))];
    kind = query.kind ?? (kinds.length === 1 ? kinds[0]! : p.utility.kind);
    included = all.filter((x) => x.kind === kind);
  }
  const registers = new Map(included.flatMap((x) => x.meters.flatMap((m) => m.registers.map((r) => [r.id, r] as const))));
  const series = new Map<string, S['ConsumptionSeries']>();
  for (const c of p.consumption()) {
    const register = registers.get(c.registerId);
    const y = Number(c.month.slice(0, 4));
    if (!register || !years.includes(y)) continue;
    const factor = kind === 'gas' && register.unit === 'm3' ? (register.conversionFactor ?? 1) : 1;
    const k = `${y}|${register.zone}`;
    const s = series.get(k) ?? series.set(k, { year: y, zone: register.zone, direction: register.direction, points: [] }).get(k)!;
    const entries: S['ConsumptionPoint'][] = [];
    if (granularity === 'month') {
      entries.push({ period: c.month.slice(0, 7), value: c.value * factor, estimated: c.estimated });
    } else {
      const month = Number(c.month.slice(5, 7));
      const days = daysInMonth(y, month);
      for (let day = 1; day <= days; day++) {
        const date = `${c.month.slice(0, 8)}${String(day).padStart(2, '0')}`;
        if (date >= today) break;
        const wobble = ((day * 31 + month * 7) % 10) / 10 - 0.45;
        entries.push({ period: date, value: ((c.value * factor) / days) * (1 + wobble), estimated: false });
      }
    }
    for (const e of entries) {
      const same = s.points.find((q) => q.period === e.period);
      if (same) {
        same.value = round3(same.value + e.value);
        same.estimated ||= e.estimated;
      } else s.points.push({ ...e, value: round3(e.value) });
    }
  }
  const merged = [...series.values()]
    .map((s) => ({ ...s, points: s.points.sort((a, b) => a.period.localeCompare(b.period)) }))
    .sort((a, b) => b.year - a.year || ZONE_ORDER.indexOf(a.zone) - ZONE_ORDER.indexOf(b.zone));
  const totals: S['ConsumptionTotal'][] = years
    .map((y) => merged.filter((s) => s.year === y).flatMap((s) => s.points))
    .map((pts, i) => ({ year: years[i]!, direction: 'consumption' as const, value: round3(pts.reduce((sum, x) => sum + x.value, 0)), estimated: pts.some((x) => x.estimated), count: pts.length }))
    .filter((t) => t.count > 0)
    .map(({ count: _count, ...total }) => total);
  const unit: S['Unit'] = kind === 'water' ? 'm3' : kind === 'heat' ? 'GJ' : 'kWh';
  return { unit, granularity, year, pointIds: included.map((x) => x.id), series: merged, totals };
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
  {
    id: 'cat_question',
    kind: 'question',
    label: { pl: 'Inne pytanie', en: 'Other question' },
    description: null,
    requiresPoint: false,
    requiresDocument: false,
    allowsAttachments: true,
    maxAttachments: 3,
    maxAttachmentBytes: 10_485_760,
    allowedTypes: ['application/pdf', 'image/jpeg', 'image/png'],
  },
];

/** Ids of energia's tickets, by what they show. */
export const TICKET_IDS = ENERGIA_IDS.tickets;

/** A persona's tickets with their threads (a copy the mock may change), most recently updated first. */
export function makeTickets(now: Date = new Date(), key: PersonaKey = 'energia'): TicketDetail[] {
  return structuredClone([...persona(key, now).tickets]).sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
}

/** A ticket without its thread (the list item). */
export function ticketSummary(ticket: TicketDetail): Ticket {
  const { messages: _messages, ...summary } = ticket;
  return summary;
}

// ---------------------------------------------------------------------------------------------------------------
// Messages and outages
// ---------------------------------------------------------------------------------------------------------------

/** A persona's notification history at `now`, newest first. */
export function makeMessages(now: Date = new Date(), key: PersonaKey = 'energia'): Message[] {
  return structuredClone([...persona(key, now).messages]).sort((a, b) => Date.parse(b.sentAt) - Date.parse(a.sentAt));
}

/** The public outages at `now` (electricity, gas and water around the demo customers), soonest first. */
export function makeOutages(now: Date = new Date()): Outage[] {
  return outagesAt(now)
    .map((o) => outageView(o, now))
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.id.localeCompare(b.id));
}
