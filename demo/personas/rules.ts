/**
 * How a persona looks through the API at `now`: the balance, the session, a document's status, the reading
 * window and reading context, the profile and consents. These are the rules the reference server applies to the
 * rows the seed inserted (demo/server: billing.ts, auth.ts, readings.ts, customer.ts), written once here for the
 * mocks and the tests; demo/server/personas-agree.ts checks that both worlds answer alike.
 */
import { addDays, daysBetween, isOverdue, warsawDate, warsawInstant, warsawIso } from '../../src/i18n/calendar.js';
import { marketingConsentsOf } from './consents.js';
import { money } from './money.js';
import type { Customer, Persona, PersonaDocument, PersonaOutage, PersonaPayment, Schemas, WindowPlan } from './types.js';

// ------------------------------------------------------------------------------------------------ money

/** What is left to pay of a document (negative for an unsettled credit). */
export const remainingOf = (d: Pick<PersonaDocument, 'gross' | 'paid'>): number => d.gross - d.paid;

/** A document's status at `now`: paid, overdue from the Polish midnight after its due date, partly paid, unpaid. */
export function documentStatus(d: Pick<PersonaDocument, 'gross' | 'paid' | 'dueDate'>, now: Date): Schemas['DocumentStatus'] {
  if (remainingOf(d) <= 0) return 'paid';
  if (isOverdue(d.dueDate, now)) return 'overdue';
  if (d.paid > 0) return 'partially_paid';
  return 'unpaid';
}

/** The document as the API lists it; `payable` is the caller's (payments on, nothing pending for it). */
export function documentSummary(d: PersonaDocument, now: Date, payable: boolean): Schemas['DocumentSummary'] {
  const remaining = remainingOf(d);
  return {
    id: d.id,
    number: d.number,
    type: d.type,
    issueDate: d.issueDate,
    dueDate: d.dueDate,
    periodFrom: d.periodFrom,
    periodTo: d.periodTo,
    gross: money(d.gross),
    remaining: money(remaining),
    status: documentStatus(d, now),
    pointIds: [...d.pointIds],
    correctsDocumentId: d.correctsId,
    hasPdf: d.hasPdf,
    payable: payable && remaining > 0,
  };
}

/** Paid money not allocated to any document: it lowers the balance (an overpayment when it is larger). */
export function unallocatedOf(payments: readonly PersonaPayment[]): number {
  let paid = 0;
  let allocated = 0;
  for (const p of payments) {
    if (p.status === 'paid') paid += p.amount;
    for (const a of p.allocations) allocated += a.amount;
  }
  return paid - allocated;
}

/** An open amount for the balance: its due date and what is left to pay (grosze). */
export interface OpenAmount {
  readonly dueDate: string;
  readonly remaining: number;
}

/**
 * The balance over open amounts at `now`: the sum of every open document minus unallocated payments; what is
 * overdue (count, oldest due date); the next payment (every amount due on the earliest day not yet past).
 */
export function balanceOver(open: readonly OpenAmount[], now: Date, unallocated = 0): Schemas['Balance'] {
  const unsettled = open.filter((d) => d.remaining !== 0);
  const positive = unsettled.filter((d) => d.remaining > 0);
  const overdue = positive.filter((d) => isOverdue(d.dueDate, now));
  const upcoming = positive.filter((d) => !isOverdue(d.dueDate, now)).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const total = unsettled.reduce((sum, d) => sum + d.remaining, 0);
  const first = upcoming[0];
  return {
    balance: money(total - unallocated),
    openDocumentsTotal: money(total),
    overdue: money(overdue.reduce((sum, d) => sum + d.remaining, 0)),
    oldestDueDate: overdue.map((d) => d.dueDate).sort()[0] ?? null,
    overdueCount: overdue.length,
    nextPayment: first ? { amount: money(upcoming.filter((d) => d.dueDate === first.dueDate).reduce((s, d) => s + d.remaining, 0)), dueDate: first.dueDate } : null,
    unallocatedPayments: money(unallocated),
    asOf: warsawIso(now),
    currency: 'PLN',
  };
}

/** GET /balance of a persona at `now` (without a point or contract filter). */
export function balanceOf(persona: Persona, now: Date): Schemas['Balance'] {
  const open = persona.documents().map((d) => ({ dueDate: d.dueDate, remaining: remainingOf(d) }));
  return balanceOver(open, now, unallocatedOf(persona.payments()));
}

/**
 * A payment as the API shows it; with the customer's documents by id, also `documents` (number and type of
 * each of `documentIds`, in their order), left out when one of them is not among them.
 */
export function paymentView(p: PersonaPayment, documents?: ReadonlyMap<string, Pick<PersonaDocument, 'number' | 'type'>>): Schemas['Payment'] {
  const named = documents && p.documentIds.map((id) => ({ id, doc: documents.get(id) }));
  return {
    id: p.id,
    status: p.status,
    amount: money(p.amount),
    method: p.method,
    documentIds: [...p.documentIds],
    ...(named?.every((n) => n.doc) ? { documents: named.map(({ id, doc }) => ({ id, number: doc!.number, type: doc!.type })) } : {}),
    createdAt: warsawIso(p.createdAt),
    completedAt: p.completedAt ? warsawIso(p.completedAt) : null,
  };
}

/** The payments allocated to a document, oldest first (a document's detail). */
export function allocatedTo(documentId: string, payments: readonly PersonaPayment[]): Schemas['AllocatedPayment'][] {
  return payments
    .flatMap((p) => p.allocations.filter((a) => a.documentId === documentId).map((a) => ({ paymentId: p.id, date: a.on, amount: money(a.amount), method: p.method ?? 'other' })))
    .sort((a, b) => a.date.localeCompare(b.date));
}

// ----------------------------------------------------------------------------------------------- session

/** The name the portal greets the customer with. */
export function displayName(c: Pick<Customer, 'companyName' | 'firstName' | 'lastName'>): string {
  return c.companyName ?? [c.firstName, c.lastName].filter(Boolean).join(' ');
}

export interface SessionTimes {
  /** When the customer signed in: the absolute deadline counts from here. Default `now`. */
  readonly signedInAt?: Date;
  /** The last request that counted as activity: the idle deadline counts from here. Default `now`. */
  readonly lastActivityAt?: Date;
  /** The session's CSRF token (a random one on the reference server). */
  readonly csrfToken?: string | null;
}

/**
 * The persona's session with the timeouts of its utility: the idle deadline `idleTimeoutSeconds` after the
 * last activity, never past the absolute one, `absoluteTimeoutSeconds` after signing in.
 */
export function sessionOf(persona: Persona, now: Date, times: SessionTimes = {}): Schemas['Session'] {
  const { idleTimeoutSeconds, absoluteTimeoutSeconds } = persona.utility.config.session;
  const absolute = (times.signedInAt ?? now).getTime() + absoluteTimeoutSeconds * 1000;
  const idle = Math.min((times.lastActivityAt ?? now).getTime() + idleTimeoutSeconds * 1000, absolute);
  return {
    user: { id: persona.account?.userId ?? persona.customer.id, displayName: displayName(persona.customer), email: persona.account?.login ?? persona.customer.contractEmail, customerKind: persona.customer.kind },
    csrfToken: times.csrfToken === undefined ? null : times.csrfToken,
    idleExpiresAt: warsawIso(new Date(idle)),
    absoluteExpiresAt: warsawIso(new Date(absolute)),
    idleTimeoutSeconds,
    absoluteTimeoutSeconds,
  };
}

// ------------------------------------------------------------------------------------- customer's data

export function profileOf(persona: Persona): Schemas['Profile'] {
  const c = persona.customer;
  return {
    customerNumber: c.number,
    kind: c.kind,
    displayName: displayName(c),
    firstName: c.firstName,
    lastName: c.lastName,
    companyName: c.companyName,
    nationalIdType: c.nationalIdType,
    nationalIdMasked: '*'.repeat(c.nationalId.length - 4) + c.nationalId.slice(-4),
    email: persona.account?.login ?? c.contractEmail,
    pendingEmail: null,
    phone: persona.account?.phone ?? null,
    pendingPhone: null,
    ...(c.kind === 'business' ? { regon: c.regon ?? null } : {}),
    correspondenceAddress: { ...c.address },
    eInvoice: c.eInvoice,
  };
}

export function consentsOf(persona: Persona): Schemas['Consents'] {
  const c = persona.customer;
  return {
    terms: { accepted: true, version: c.termsVersion, acceptedAt: warsawIso(c.termsAcceptedAt) },
    marketing: marketingConsentsOf(c.marketing),
    // Where the eBOK means e-invoices (seed 003), e-invoice is on whatever the customer had before.
    eInvoice: c.eInvoice || persona.utility.config.eInvoiceRequired,
    updatedAt: warsawIso(c.consentsUpdatedAt),
  };
}

/** The points of delivery, by kind and code (the order of the reference server). */
export function pointsOf(persona: Persona): Schemas['PointOfDelivery'][] {
  return persona.points.map((p) => structuredClone(p.point)).sort((a, b) => a.kind.localeCompare(b.kind) || a.code.localeCompare(b.code));
}

/** The contracts with their points: active first, then pending, then ended; newest first. */
export function contractsOf(persona: Persona): Schemas['Contract'][] {
  const rank = { active: 0, pending: 1, terminated: 2 } as const;
  const points = pointsOf(persona);
  return [...persona.contracts]
    .sort((a, b) => rank[a.status] - rank[b.status] || b.startDate.localeCompare(a.startDate) || a.id.localeCompare(b.id))
    .map(({ documents: _documents, ...c }) => ({ ...c, pointIds: points.filter((p) => p.contractId === c.id).map((p) => p.id) }));
}

/** One contract with its documents (`getContract`), or undefined when it is not the persona's. */
export function contractDetailOf(persona: Persona, contractId: string): Schemas['ContractDetail'] | undefined {
  const summary = contractsOf(persona).find((c) => c.id === contractId);
  const documents = persona.contracts.find((c) => c.id === contractId)?.documents;
  return summary && documents ? { ...summary, documents: structuredClone([...documents]) } : undefined;
}

/**
 * The file name of a contract's document: its title and the contract's number (`/` → `_`), e.g.
 * `Aneks nr 1 – zmiana ceny UE_2019_004211.pdf`; `ascii` is the same with Polish letters folded (any other letter becomes `_`).
 */
export function contractDocumentFileName(contract: Pick<Schemas['Contract'], 'number'>, document: Pick<Schemas['ContractDocument'], 'title'>): { utf8: string; ascii: string } {
  const utf8 = `${document.title} ${contract.number}`.replace(/[/\\]/g, '_').replace(/"/g, '') + '.pdf';
  const folded = utf8.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').replace(/–/g, '-');
  return { utf8, ascii: folded.replace(/[^A-Za-z0-9._ -]/g, '_') };
}

// -------------------------------------------------------------------------------------------- readings

export interface ReadingWindowDays {
  readonly open: boolean;
  readonly start: string;
  readonly end: string;
  readonly nextStart: string;
  readonly nextEnd: string;
}

/** The reading window around `today`: the current (or last) one and the next. */
export function readingWindow(plan: WindowPlan, today: string): ReadingWindowDays {
  const k = Math.floor(daysBetween(plan.anchor, today) / plan.period);
  const start = addDays(plan.anchor, k * plan.period);
  const end = addDays(start, plan.length - 1);
  const nextStart = addDays(start, plan.period);
  return { open: today >= start && today <= end, start, end, nextStart, nextEnd: addDays(nextStart, plan.length - 1) };
}

/** The reading window as the API writes it: from midnight of the first day to 23:59:59 of the last. */
export function windowView(w: ReadingWindowDays): Schemas['ReadingWindow'] {
  return {
    open: w.open,
    opensAt: w.open ? warsawIso(warsawInstant(w.start)) : null,
    closesAt: w.open ? warsawIso(warsawInstant(w.end, 86_399)) : null,
    nextOpensAt: warsawIso(warsawInstant(w.nextStart)),
    nextClosesAt: warsawIso(warsawInstant(w.nextEnd, 86_399)),
  };
}

/**
 * What a customer needs to read the meter of a point at `now`: the window, and per register the last
 * reading (not rejected) and the plausible range — the expected use since then, divided and multiplied by the
 * utility's plausibility factor. `undefined` for a point the persona does not have.
 */
export function readingContext(persona: Persona, pointId: string, now: Date): Schemas['ReadingContext'] | undefined {
  const plan = persona.points.find((p) => p.point.id === pointId);
  if (!plan) return undefined;
  const readings = persona
    .readings()
    .filter((r) => r.pointId === pointId && r.status !== 'rejected')
    .sort((a, b) => b.readAt.getTime() - a.readAt.getTime() || b.id.localeCompare(a.id));
  const cfg = persona.utility.config.readings;
  const registers = plan.point.meters.flatMap((m) =>
    m.registers.map((r): Schemas['ReadingContextRegister'] => {
      const step = 10 ** -r.decimals;
      const last = readings.find((x) => x.values.some((v) => v.registerId === r.id));
      const value = last?.values.find((v) => v.registerId === r.id)?.value;
      let allowedRange: Schemas['AllowedRange'] | null = null;
      if (last && value !== undefined) {
        const days = Math.max(1, daysBetween(warsawDate(last.readAt), warsawDate(now)));
        const expected = (plan.registers.find((x) => x.id === r.id)?.dailyUsage ?? 0) * days;
        const previous = Number(value);
        allowedRange = {
          min: (Math.floor((previous + expected / cfg.plausibilityFactor) / step) * step).toFixed(r.decimals),
          max: (Math.ceil((previous + expected * cfg.plausibilityFactor) / step) * step).toFixed(r.decimals),
        };
      }
      return {
        registerId: r.id,
        meterSerialNumber: m.serialNumber,
        zone: r.zone,
        obisCode: r.obisCode,
        unit: r.unit,
        direction: r.direction,
        digits: r.digits,
        decimals: r.decimals,
        lastReading: last && value !== undefined ? { value: Number(value).toFixed(r.decimals), readAt: warsawIso(last.readAt), kind: last.kind } : null,
        allowedRange,
        maxValue: (10 ** r.digits - step).toFixed(r.decimals),
      };
    }),
  );
  return {
    pointId,
    window: windowView(readingWindow(plan.window, warsawDate(now))),
    registers,
    photoAllowed: cfg.photoAllowed,
    maxPhotoBytes: cfg.photoAllowed ? cfg.maxPhotoBytes : 0,
  };
}

/** The readings of a point as the API lists them, newest first. */
export function readingsOf(persona: Persona, pointId: string): Schemas['Reading'][] {
  const registers = persona.points.find((p) => p.point.id === pointId)?.point.meters.flatMap((m) => m.registers) ?? [];
  return persona
    .readings()
    .filter((r) => r.pointId === pointId)
    .sort((a, b) => b.readAt.getTime() - a.readAt.getTime() || b.id.localeCompare(a.id))
    .map((r) => ({
      id: r.id,
      pointId,
      readAt: warsawIso(r.readAt),
      kind: r.kind,
      status: r.status,
      values: r.values.map((v) => {
        const reg = registers.find((x) => x.id === v.registerId);
        return { registerId: v.registerId, zone: reg?.zone ?? 'all', unit: reg?.unit ?? 'kWh', value: Number(v.value).toFixed(reg?.decimals ?? 0) };
      }),
    }));
}

// --------------------------------------------------------------------------------------------- outages

/** An outage as the API shows it at `now`, in `lang`. */
export function outageView(o: PersonaOutage, now: Date, lang: 'pl' | 'en' = 'pl'): Schemas['Outage'] {
  const t = now.getTime();
  return {
    id: o.id,
    kind: o.kind,
    area: { ...o.area, postalCodes: [...o.area.postalCodes] },
    streets: [...o.streets],
    startsAt: warsawIso(o.startsAt),
    endsAt: o.endsAt ? warsawIso(o.endsAt) : null,
    reason: o.reason[lang] ?? o.reason.pl,
    status: o.startsAt.getTime() > t ? 'planned' : o.endsAt && o.endsAt.getTime() < t ? 'ended' : 'ongoing',
  };
}
