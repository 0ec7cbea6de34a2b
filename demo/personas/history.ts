/**
 * The deterministic past of a point of delivery: monthly consumption by register (seasonal, with a seeded
 * pseudo-random wobble), the meter readings that follow from it, and the invoices billed for it with their
 * payments. The same `now` always gives the same figures, in every world.
 */
import { addDays, warsawInstant } from '../../src/i18n/calendar.js';
import { monthOf, monthsBefore, type DayClock } from './clock.js';
import { amountOf, money } from './money.js';
import type { MonthlyValue, PersonaDocument, PersonaPayment, PersonaPoint, PersonaReading, Schemas } from './types.js';

/** How many full months of history every point has (plus the current month, estimated). */
export const HISTORY_MONTHS = 24;

/** A linear congruential generator: the same seed gives the same figures on every machine. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Monthly use that peaks in January (`winter`) and bottoms in July (`summer`), ±10 %. */
export const season =
  (winter: number, summer: number) =>
  (month: number, random: () => number): number => {
    const cold = (Math.cos(((month - 1) / 12) * 2 * Math.PI) + 1) / 2;
    return (summer + (winter - summer) * cold) * (0.9 + random() * 0.2);
  };

/** A register: its contract data, its counter when the history starts, its monthly use and its unit price. */
export interface RegisterProfile {
  readonly register: Schemas['Register'];
  readonly start: number;
  readonly monthly: (month: number, random: () => number) => number;
  readonly unitPrice: number;
}

/** A point of delivery as a persona file writes it: offsets of the reading window from today. */
export interface PointProfile {
  readonly id: string;
  readonly kind: Schemas['UtilityKind'];
  readonly code: string;
  readonly codeType: Schemas['PointOfDelivery']['codeType'];
  readonly name: string;
  readonly address: Schemas['Address'];
  readonly tariff: string;
  readonly contractId: string;
  readonly meter: { readonly serialNumber: string; readonly smart: boolean };
  /** Contracted power, who reads the meter and how often, and the distribution operator, as the API shows them. */
  readonly supply: PointSupply;
  /** The reading window: it opened (or opens) `[0]` days from today, is open `[1]` days, recurs every `[2]`. */
  readonly window: readonly [number, number, number];
  readonly registers: readonly RegisterProfile[];
}

/** What a point's page says of its supply beyond the meter (seed 004 "Punkty poboru"). */
export type PointSupply = Pick<Schemas['PointOfDelivery'], 'contractedPower' | 'readingMode' | 'readingCycleMonths' | 'distributor'>;

type RegisterInput = Pick<Schemas['Register'], 'id' | 'zone' | 'obisCode' | 'unit'> & Partial<Pick<Schemas['Register'], 'conversionFactor' | 'digits' | 'decimals'>>;

/** A consumption register from its few facts (direction consumption, 5 digits, no decimals unless given). */
export function register(input: RegisterInput, start: number, monthly: RegisterProfile['monthly'], unitPrice: number): RegisterProfile {
  return {
    register: { conversionFactor: null, digits: 5, decimals: 0, direction: 'consumption', ...input },
    start,
    monthly,
    unitPrice,
  };
}

/** The point as the API shows it, its reading window and the billing figures of its registers this month. */
export function buildPoint(profile: PointProfile, clock: DayClock): PersonaPoint {
  const thisMonth = Number(clock.today.slice(5, 7));
  return {
    point: {
      id: profile.id,
      kind: profile.kind,
      code: profile.code,
      codeType: profile.codeType,
      name: profile.name,
      address: profile.address,
      tariff: profile.tariff,
      contractId: profile.contractId,
      meters: [{ serialNumber: profile.meter.serialNumber, kind: profile.kind, smart: profile.meter.smart, registers: profile.registers.map((r) => r.register) }],
      ...profile.supply,
    },
    window: { anchor: clock.day(profile.window[0]), length: profile.window[1], period: profile.window[2] },
    registers: profile.registers.map((r) => ({
      id: r.register.id,
      dailyUsage: Math.round((r.monthly(thisMonth, () => 0.5) / 30.4) * 1000) / 1000,
      unitPrice: Math.round(r.unitPrice * 10_000) / 10_000,
    })),
  };
}

export interface PointHistory {
  readonly consumption: readonly MonthlyValue[];
  readonly readings: readonly PersonaReading[];
  /** What each full month cost (in PLN, unrounded), by the month's first day. */
  readonly costs: ReadonlyMap<string, number>;
}

/**
 * 24 full months of consumption and a reading at the start of each following month (the last one on the first
 * of this month, or yesterday when today is the first), plus this month's use as an estimate.
 */
export function pointHistory(profile: PointProfile, clock: DayClock): PointHistory {
  const random = rng(profile.id.length * 7919 + profile.id.charCodeAt(profile.id.length - 1));
  const counters = profile.registers.map((r) => r.start);
  const consumption: MonthlyValue[] = [];
  const readings: PersonaReading[] = [];
  const costs = new Map<string, number>();
  const yesterday = clock.day(-1);
  const pad = (n: number): string => String(n).padStart(2, '0');
  monthsBefore(clock.today, HISTORY_MONTHS).forEach((month, mi) => {
    const estimated = mi === 17 || mi === 9;
    let cost = 0;
    profile.registers.forEach((r, ri) => {
      const scale = 10 ** r.register.decimals;
      const value = Math.round(r.monthly(Number(month.slice(5, 7)), random) * scale) / scale;
      consumption.push({ registerId: r.register.id, pointId: profile.id, month, value, estimated });
      counters[ri] = (counters[ri] ?? 0) + value;
      cost += value * r.unitPrice;
    });
    costs.set(month, cost);
    const next = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1)).toISOString().slice(0, 10);
    const readDay = next > yesterday ? yesterday : next;
    readings.push({
      id: `rdg_${profile.id.slice(3)}_${pad(mi)}`,
      pointId: profile.id,
      readAt: warsawInstant(readDay, 9 * 3600 + mi * 60),
      kind: estimated ? 'estimated' : mi % 2 === 0 ? 'settlement' : 'operator',
      status: 'accepted',
      byCustomer: false,
      createdAt: warsawInstant(readDay, 9 * 3600),
      values: profile.registers.map((r, ri) => ({ registerId: r.register.id, value: (counters[ri] ?? 0).toFixed(r.register.decimals) })),
    });
  });
  const thisMonth = monthOf(clock.today);
  for (const r of profile.registers) {
    const scale = 10 ** r.register.decimals;
    consumption.push({ registerId: r.register.id, pointId: profile.id, month: thisMonth, value: Math.round(r.monthly(Number(thisMonth.slice(5, 7)), random) * scale) / scale, estimated: true });
  }
  return { consumption, readings: readings.reverse(), costs };
}

// ------------------------------------------------------------------------------------------------- invoices

/** One invoice of a schedule: issue and due day offsets from today, and how much of it is paid. */
export interface InvoicePlan {
  readonly issue: number;
  readonly due: number;
  /** The gross amount wanted (the lines are scaled to it); otherwise it follows from the consumption. */
  readonly gross?: number;
  /** `true`: paid in full; a number: paid that much (grosze); `false`: nothing paid. */
  readonly paid: boolean | number;
  /** The day offset of a part payment (default: three days before the due date). */
  readonly paidOn?: number;
  /** The payment's id, when a story needs a fixed one. */
  readonly paymentId?: string;
  readonly hasPdf?: boolean;
}

/**
 * A billing schedule: the `open` invoices (newest first), then `history` paid ones every `spacing` days
 * further back, the first of them at `first` (issue and due day offsets); by default one period before the
 * oldest open invoice, or issued 40 days ago when nothing is open.
 */
export function schedule(open: readonly InvoicePlan[], history: number, options: { first?: readonly [number, number]; spacing?: number } = {}): InvoicePlan[] {
  const spacing = options.spacing ?? 30.4;
  const oldest = open[open.length - 1];
  const [issue, due] = options.first ?? (oldest ? [oldest.issue - Math.round(spacing), oldest.due - Math.round(spacing)] : [-40, -26]);
  return [
    ...open,
    ...Array.from({ length: history }, (_, k): InvoicePlan => ({ issue: issue - Math.round(spacing * k), due: due - Math.round(spacing * k), paid: true })),
  ];
}

export interface Billing {
  /** The customer's short name in ids: `doc_<key>_0001`, `pay_<key>_0001`. */
  readonly key: string;
  readonly pointId: string;
  readonly kind: 'electricity' | 'gas' | 'water';
  /** Number prefix: `FV` (electricity), `FG` (gas), `FW` (water). */
  readonly prefix: string;
  readonly unit: string;
  /** Days billed by one invoice (30 monthly, 60 every two months). */
  readonly periodDays?: number;
  readonly costs: ReadonlyMap<string, number>;
}

/** The sequence numbers shared by all invoices of one customer (ids and numbers stay unique). */
export interface Sequence {
  next: number;
}

interface Part {
  description: string;
  quantity: string | null;
  unit: string | null;
  netCents: number;
  rate: number;
}

function withVat(parts: readonly Part[]): { lines: Schemas['DocumentLine'][]; net: number; gross: number } {
  let net = 0;
  let gross = 0;
  const lines = parts.map((p) => {
    const g = Math.round(p.netCents * (1 + p.rate / 100));
    net += p.netCents;
    gross += g;
    return { description: p.description, quantity: p.quantity, unit: p.unit, net: money(p.netCents), vatRate: String(p.rate), gross: money(g) };
  });
  return { lines, net, gross };
}

/**
 * What a month cost; a month before the consumption history costs what the same calendar month did in the
 * first year that has it (so years of older invoices keep the seasons), 180 PLN when none does.
 */
function costOf(costs: ReadonlyMap<string, number>, month: string): number {
  for (let years = 0; years <= 10; years++) {
    const cost = costs.get(`${Number(month.slice(0, 4)) + years}${month.slice(4)}`);
    if (cost !== undefined) return cost;
  }
  return 180;
}

/**
 * Online attempts that failed before a payment went through, as a payment history shows them: before every
 * `every`-th online payment of `payments` (from the first), an hour earlier, for the same documents and
 * amount, in turn declined (a card), cancelled (BLIK, by the customer) and expired (the operator's page left
 * open past its 15 minutes). Ids `pay_<key>_a001`, …; nothing is allocated to them.
 */
export function failedAttempts(key: string, payments: readonly PersonaPayment[], every: number): PersonaPayment[] {
  const outcomes = [
    ['declined', 'card', 2],
    ['cancelled', 'blik', 1],
    ['expired', null, 15],
  ] as const;
  return payments
    .filter((p) => p.status === 'paid' && p.scope !== 'external')
    .filter((_, i) => i % every === 0)
    .map((p, n): PersonaPayment => {
      const [status, method, minutes] = outcomes[n % outcomes.length]!;
      const createdAt = new Date(p.createdAt.getTime() - 60 * 60_000);
      const expiresAt = new Date(createdAt.getTime() + 15 * 60_000);
      return {
        id: `pay_${key}_a${String(n + 1).padStart(3, '0')}`,
        status,
        amount: p.amount,
        method,
        scope: 'documents',
        documentIds: [...p.documentIds],
        createdAt,
        completedAt: status === 'expired' ? expiresAt : new Date(createdAt.getTime() + minutes * 60_000),
        expiresAt,
        allocations: [],
      };
    });
}

/** The invoices of a schedule, their lines from the consumption they bill, and the payments that settled them. */
export function invoices(billing: Billing, plans: readonly InvoicePlan[], sequence: Sequence, clock: DayClock): { documents: PersonaDocument[]; payments: PersonaPayment[] } {
  const documents: PersonaDocument[] = [];
  const payments: PersonaPayment[] = [];
  const water = billing.kind === 'water';
  const periodDays = billing.periodDays ?? 30;
  const rate = water ? 8 : 23;
  const fixed = water ? 900 : 1850;
  for (const plan of plans) {
    const issueDate = clock.day(plan.issue);
    const periodTo = addDays(issueDate, -5);
    const periodFrom = addDays(periodTo, -(periodDays - 1));
    let cost = 0;
    for (let m = 0; m < Math.round(periodDays / 30); m++) {
      const month = new Date(Date.UTC(Number(periodFrom.slice(0, 4)), Number(periodFrom.slice(5, 7)) - 1 + m, 1)).toISOString().slice(0, 10);
      cost += costOf(billing.costs, month);
    }
    const energyNet = Math.round(cost * 100 * 0.55);
    let parts: Part[] = [
      { description: water ? 'Dostawa wody' : billing.kind === 'gas' ? 'Paliwo gazowe' : 'Energia elektryczna czynna', quantity: null, unit: billing.unit, netCents: energyNet, rate },
      { description: water ? 'Odprowadzanie ścieków' : 'Opłata dystrybucyjna zmienna', quantity: null, unit: billing.unit, netCents: Math.round(energyNet * 0.6), rate },
      { description: water ? 'Opłata abonamentowa' : 'Opłata dystrybucyjna stała i abonamentowa', quantity: String(Math.round(periodDays / 30)), unit: 'mies.', netCents: fixed, rate },
    ];
    if (plan.gross !== undefined) {
      const totalNet = Math.round(plan.gross / (1 + rate / 100));
      parts = [
        { ...parts[0]!, netCents: Math.round(totalNet * 0.6) },
        { ...parts[1]!, netCents: totalNet - Math.round(totalNet * 0.6) - fixed },
        { ...parts[2]!, netCents: fixed },
      ];
    }
    const v = withVat(parts);
    let gross = v.gross;
    if (plan.gross !== undefined) {
      // The last line absorbs the rounding, so the document's gross is exactly the amount wanted.
      const last = v.lines[v.lines.length - 1]!;
      last.gross = money(Number(last.gross.amount.replace('.', '')) + plan.gross - v.gross);
      gross = plan.gross;
    }
    sequence.next += 1;
    const seq = sequence.next;
    const id = `doc_${billing.key}_${String(seq).padStart(4, '0')}`;
    const paid = plan.paid === true ? gross : plan.paid === false ? 0 : plan.paid;
    documents.push({
      id,
      number: `${billing.prefix}/${issueDate.slice(0, 4)}/${issueDate.slice(5, 7)}/${String((seq + 1) * 37).padStart(6, '0')}`,
      type: 'invoice',
      issueDate,
      dueDate: clock.day(plan.due),
      periodFrom,
      periodTo,
      net: v.net,
      vat: gross - v.net,
      gross,
      paid,
      correctsId: null,
      hasPdf: plan.hasPdf ?? true,
      pointIds: [billing.pointId],
      lines: v.lines,
    });
    if (paid > 0) {
      const online = (seq + 1) % 3 === 0 || plan.paid !== true;
      const paidOn = plan.paidOn ?? plan.due - 3;
      const paidAt = clock.at(paidOn, 18, 20);
      payments.push({
        id: plan.paymentId ?? `pay_${billing.key}_${String(seq + 1).padStart(4, '0')}`,
        status: 'paid',
        amount: paid,
        method: online ? ((seq + 1) % 2 ? 'blik' : 'card') : 'other',
        scope: online ? 'documents' : 'external',
        documentIds: [id],
        createdAt: paidAt,
        completedAt: paidAt,
        expiresAt: online ? paidAt : null,
        allocations: [{ documentId: id, amount: paid, on: clock.day(paidOn) }],
      });
    }
  }
  return { documents, payments };
}

/** A settled credit correction of `corrected` (its gross is negative and counts as paid). */
export function correction(id: string, number: string, corrected: PersonaDocument, issueDate: string, grossCents: number, description: string, quantity: string, unit: string): PersonaDocument {
  const net = Math.round(grossCents / 1.23);
  return {
    id,
    number,
    type: 'correction',
    issueDate,
    dueDate: addDays(issueDate, 14),
    periodFrom: corrected.periodFrom,
    periodTo: corrected.periodTo,
    net,
    vat: grossCents - net,
    gross: grossCents,
    paid: grossCents,
    correctsId: corrected.id,
    hasPdf: true,
    pointIds: corrected.pointIds,
    lines: [{ description, quantity, unit, net: money(net), vatRate: '23', gross: money(grossCents) }],
  };
}

/** An amount as a decimal text for a line (`quantity`). */
export const decimal = (value: number, decimals = 0): string => value.toFixed(decimals);

export { amountOf };
