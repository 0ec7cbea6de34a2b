/**
 * Demo data, seeded once into an empty database. Every date is relative to the day of seeding (Polish
 * calendar), so an overdue invoice is overdue and a reading window is open on the day the demo starts;
 * `npm run demo:reset` re-seeds. The password of every demo login is DEMO_PASSWORD.
 */
import PDFDocument from 'pdfkit';
import type { Db, Queryable } from './db.ts';
import type { PortalConfig } from './core.ts';
import { addDays, warsawDate, warsawInstant } from '../../src/i18n/calendar.ts';
import { fromCents, hashPassword, makePpe, pad } from './util.ts';

export const DEMO_PASSWORD = 'Demo-Haslo-2026';

export const DEMO_LOGINS = [
  { email: 'energia@example.com', what: 'prąd, taryfa G12 (dzień/noc), jedna faktura po terminie' },
  { email: 'gaz@example.com', what: 'gaz (m³ → kWh), nadpłata większa niż otwarte faktury' },
  { email: 'woda@example.com', what: 'woda, wszystko zapłacone, okno odczytowe otwarte' },
  { email: 'firma@example.com', what: 'firma (NIP 8567346215), 12 punktów poboru, 10 000 dokumentów' },
  { email: '2fa@example.com', what: 'prąd, logowanie dwuetapowe kodem SMS (kod w /outbox)' },
];

const contact = (phone: string, email: string) => ({
  phone,
  email,
  openingHours: { pl: 'Infolinia czynna w dni robocze 7:00–20:00, w soboty 8:00–14:00.', en: 'Helpline open on working days 7:00–20:00, on Saturdays 8:00–14:00.' },
});

const baseConfig = (over: Partial<PortalConfig> & Record<string, unknown>): PortalConfig =>
  ({
    features: { payments: true, readings: true, consumption: true, tickets: true, messages: true, registration: true, outages: true, mfa: true },
    loginIdentifierKinds: ['email', 'pesel_nip'],
    passwordPolicy: { minLength: 12, maxLength: 128, requireUpper: true, requireLower: true, requireDigit: true, requireSpecial: false },
    activationLinkLifetimeSeconds: 259200,
    resetLinkLifetimeSeconds: 3600,
    readings: { photoAllowed: true, maxPhotoBytes: 5242880, plausibilityFactor: 2.5 },
    payments: {
      methods: ['blik', 'card', 'transfer'],
      perTransactionCap: { amount: '4300.00', currency: 'PLN' },
      feeNote: {
        pl: 'Płatność online jest bezpłatna dla klientów z e-fakturą; pozostali płacą prowizję według cennika operatora płatności.',
        en: 'Online payment is free for e-invoice customers; others pay a fee according to the payment operator’s price list.',
      },
    },
    session: { idleTimeoutSeconds: 900, absoluteTimeoutSeconds: 43200 },
    locales: ['pl', 'en'],
    defaultLocale: 'pl',
    allowLegacyPointCodes: false,
    registrationEmailMustMatchContract: false,
    ...over,
  }) as PortalConfig;

export const UTILITIES = [
  {
    id: 'util_energia',
    kind: 'electricity',
    name: 'Energia Przykład S.A.',
    config: baseConfig({ utilityName: 'Energia Przykład S.A.', kinds: ['electricity'], contact: contact('+48 800 000 000', 'bok@energia-przyklad.example.com'), theme: 'energy' }),
  },
  {
    id: 'util_gaz',
    kind: 'gas',
    name: 'Gaz Przykład sp. z o.o.',
    config: baseConfig({ utilityName: 'Gaz Przykład sp. z o.o.', kinds: ['gas'], contact: contact('+48 800 000 001', 'bok@gaz-przyklad.example.com'), theme: 'gas' }),
  },
  {
    id: 'util_woda',
    kind: 'water',
    name: 'Wodociągi Przykład sp. z o.o.',
    config: baseConfig({
      utilityName: 'Wodociągi Przykład sp. z o.o.',
      kinds: ['water'],
      features: { payments: true, readings: true, consumption: true, tickets: true, messages: true, registration: true, outages: true, mfa: false },
      loginIdentifierKinds: ['email', 'pesel_nip'],
      passwordPolicy: { minLength: 10, maxLength: 64, requireUpper: true, requireLower: true, requireDigit: true, requireSpecial: true },
      activationLinkLifetimeSeconds: 86400,
      readings: { photoAllowed: false, maxPhotoBytes: 0, plausibilityFactor: 3 },
      payments: { methods: ['blik', 'transfer'], perTransactionCap: null, feeNote: null },
      session: { idleTimeoutSeconds: 600, absoluteTimeoutSeconds: 28800 },
      locales: ['pl', 'en'],
      contact: { phone: '+48 32 000 00 00', email: 'ebok@wodociagi-przyklad.example.com', openingHours: { pl: 'Biuro Obsługi Klienta czynne pon.–pt. 7:30–15:30.', en: 'Customer office open Mon–Fri 7:30–15:30.' } },
      theme: 'water',
      allowLegacyPointCodes: true,
      registrationEmailMustMatchContract: true,
    }),
  },
];

function pesel(y: number, m: number, d: number, serial: number): string {
  const mm = y >= 2000 ? m + 20 : m;
  const body = `${pad(y % 100)}${pad(mm)}${pad(d)}${pad(serial, 4)}`;
  const w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  const sum = [...body].reduce((acc, ch, i) => acc + Number(ch) * w[i]!, 0);
  return body + String((10 - (sum % 10)) % 10);
}

/** A deterministic pseudo-random number generator, so every seeding gives the same figures. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type Row = unknown[];

async function insert(db: Queryable, table: string, columns: string[], rows: Row[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 400) {
    const chunk = rows.slice(i, i + 400);
    const params: unknown[] = [];
    const values = chunk.map((r) => `(${r.map((v) => `$${params.push(v)}`).join(', ')})`);
    await db.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`, params);
  }
}

const address = (street: string | null, building: string, apartment: string | null, postalCode: string, city: string) => ({
  street,
  buildingNumber: building,
  apartmentNumber: apartment,
  postalCode,
  city,
  postOffice: null,
  country: 'PL',
});

const prefs = (sms: boolean) => ({
  email: { new_invoice: true, due_date: true, planned_works: true, reading_window: true },
  sms: { new_invoice: false, due_date: sms, planned_works: false, reading_window: sms },
});

interface RegSpec {
  id: string;
  zone: string;
  obis: string | null;
  unit: string;
  factor: number | null;
  digits: number;
  decimals: number;
  /** Monthly consumption by calendar month (1–12), in the register's unit. */
  monthly: (month: number, r: () => number) => number;
  start: number;
  price: number;
}

interface PointSpec {
  id: string;
  customer: string;
  contract: string;
  kind: string;
  code: string;
  codeType: string;
  name: string;
  address: ReturnType<typeof address>;
  tariff: string;
  meter: string;
  window: [number, number, number];
  regs: RegSpec[];
}

const season = (winter: number, summer: number) => (month: number, r: () => number) => {
  const cold = (Math.cos(((month - 1) / 12) * 2 * Math.PI) + 1) / 2; // 1 in January, 0 in July
  return (summer + (winter - summer) * cold) * (0.9 + r() * 0.2);
};

function tinyPdf(text: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50 });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    doc.fontSize(14).text(text);
    doc.end();
  });
}

const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Seeds an empty database with the demo world laid out around `now`; answers when the data was seeded. */
export async function seedIfEmpty(db: Db, now = new Date()): Promise<Date> {
  const done = await db.query<{ value: string }>("SELECT value FROM meta WHERE key = 'seeded_at'");
  if (done[0]) return new Date(done[0].value);
  await db.transaction((tx) => seed(tx, now));
  return now;
}

async function seed(db: Queryable, now: Date): Promise<void> {
  const today = warsawDate(now);
  const day = (offset: number) => addDays(today, offset);
  const at = (offset: number, hour = 10, minute = 0) => warsawInstant(day(offset), hour * 3600 + minute * 60);

  await insert(db, 'utilities', ['id', 'kind', 'name', 'config'], UTILITIES.map((u) => [u.id, u.kind, u.name, u.config]));

  // ---------- customers and accounts ----------
  const customers: Row[] = [
    ['cust_energia', 'util_energia', '1200000017', 'person', 'Anna', 'Nowak', null, 'pesel', pesel(1985, 3, 12, 4821), 'energia@example.com', address('ul. Zwycięstwa', '12', '4', '44-100', 'Gliwice'), true, false, prefs(true)],
    ['cust_gaz', 'util_gaz', '3400000021', 'person', 'Piotr', 'Zieliński', null, 'pesel', pesel(1972, 11, 5, 3117), 'gaz@example.com', address('ul. Wolności', '230', null, '41-800', 'Zabrze'), true, true, prefs(false)],
    ['cust_woda', 'util_woda', 'W-0045121', 'person', 'Maria', 'Wiśniewska', null, 'pesel', pesel(1990, 7, 21, 2046), 'woda@example.com', address('ul. Daszyńskiego', '8', '2', '44-109', 'Gliwice'), true, false, prefs(false)],
    ['cust_firma', 'util_energia', '1200000033', 'business', null, null, 'Piekarnia Mazur sp. z o.o.', 'nip', '8567346215', 'firma@example.com', address('ul. Piekarska', '3', null, '30-001', 'Kraków'), true, false, prefs(false)],
    ['cust_2fa', 'util_energia', '1200000041', 'person', 'Tomasz', 'Lewandowski', null, 'pesel', pesel(2001, 2, 14, 1239), '2fa@example.com', address('ul. Mickiewicza', '5', '10', '40-092', 'Katowice'), false, false, prefs(true)],
    ['cust_kowalski', 'util_energia', '1200345678', 'person', 'Jan', 'Kowalski', null, 'pesel', '44051401359', 'jan.kowalski@example.com', address('ul. Długa', '15', '7', '31-147', 'Kraków'), false, false, prefs(false)],
  ];
  await insert(
    db,
    'customers',
    ['id', 'utility_id', 'number', 'kind', 'first_name', 'last_name', 'company_name', 'national_id_type', 'national_id', 'contract_email', 'address', 'e_invoice', 'marketing', 'notification_prefs', 'terms_version', 'terms_accepted_at', 'consents_updated_at'],
    customers.map((c) => [...c, '2026-01', at(-400), at(-400)]),
  );
  const users: Row[] = [];
  const accounts: [string, string, string, string | null, string | null][] = [
    ['usr_energia', 'cust_energia', 'energia@example.com', '+48601234567', null],
    ['usr_gaz', 'cust_gaz', 'gaz@example.com', null, null],
    ['usr_woda', 'cust_woda', 'woda@example.com', '+48602345678', null],
    ['usr_firma', 'cust_firma', 'firma@example.com', '+48123456789', null],
    ['usr_2fa', 'cust_2fa', '2fa@example.com', '+48609876543', 'sms'],
  ];
  const hashes = await Promise.all(accounts.map(() => hashPassword(DEMO_PASSWORD)));
  accounts.forEach(([id, customer, email, phone, mfa], i) => users.push([id, customer, email, email, phone, hashes[i], 'active', mfa, at(-400)]));
  await insert(db, 'users', ['id', 'customer_id', 'email', 'email_lower', 'phone', 'password_hash', 'status', 'mfa_channel', 'created_at'], users);

  // ---------- contracts and points ----------
  // The business's fixed-term contracts run until the end of next year, counted from the seeding day.
  const endOfNextYear = `${Number(today.slice(0, 4)) + 1}-12-31`;
  const contracts: Row[] = [
    ['ctr_e_0001', 'cust_energia', 'UE/2019/004211', 'electricity', 'Prąd Stabilny G12', 'G12', '2019-04-01', null, 'active'],
    ['ctr_g_0001', 'cust_gaz', 'UG/2020/001877', 'gas', 'Gaz Domowy', 'W-3.6', '2020-09-01', null, 'active'],
    ['ctr_w_0001', 'cust_woda', 'UW/2018/045121', 'water', 'Dostawa wody i odprowadzanie ścieków', 'W-1', '2018-01-01', null, 'active'],
    ['ctr_f_0001', 'cust_firma', 'UE/2021/B/000311', 'electricity', 'Biznes Stała Cena', 'C11', '2021-01-01', endOfNextYear, 'active'],
    ['ctr_f_0002', 'cust_firma', 'UE/2022/B/000512', 'electricity', 'Biznes Dzień-Noc', 'C12a', '2022-06-01', endOfNextYear, 'active'],
    ['ctr_f_0003', 'cust_firma', 'UE/2019/B/000107', 'electricity', 'Biznes Start', 'C11', '2019-01-01', '2020-12-31', 'terminated'],
    ['ctr_2fa_0001', 'cust_2fa', 'UE/2023/008870', 'electricity', 'Prąd Prosty G11', 'G11', '2023-03-01', null, 'active'],
    ['ctr_k_0001', 'cust_kowalski', 'UE/2016/000042', 'electricity', 'Prąd Prosty G11', 'G11', '2016-05-01', null, 'active'],
  ];
  await insert(db, 'contracts', ['id', 'customer_id', 'number', 'kind', 'product', 'tariff', 'start_date', 'end_date', 'status'], contracts);

  const elecDay = (id: string, start: number, w: number, s: number): RegSpec => ({ id, zone: 'day', obis: '1.8.1', unit: 'kWh', factor: null, digits: 5, decimals: 0, monthly: season(w, s), start, price: 0.98 });
  const elecNight = (id: string, start: number, w: number, s: number): RegSpec => ({ id, zone: 'night', obis: '1.8.2', unit: 'kWh', factor: null, digits: 5, decimals: 0, monthly: season(w, s), start, price: 0.62 });
  const elecAll = (id: string, start: number, w: number, s: number, digits = 5): RegSpec => ({ id, zone: 'all', obis: '1.8.0', unit: 'kWh', factor: null, digits, decimals: 0, monthly: season(w, s), start, price: 1.05 });
  const points: PointSpec[] = [
    {
      id: 'pt_e_0001', customer: 'cust_energia', contract: 'ctr_e_0001', kind: 'electricity', code: '590243800000000029', codeType: 'ppe',
      name: 'Mieszkanie – Zwycięstwa 12/4', address: address('ul. Zwycięstwa', '12', '4', '44-100', 'Gliwice'), tariff: 'G12', meter: '93812744',
      window: [-2, 10, 61], regs: [elecDay('reg_e1_day', 10240, 230, 160), elecNight('reg_e1_night', 4410, 120, 85)],
    },
    {
      id: 'pt_g_0001', customer: 'cust_gaz', contract: 'ctr_g_0001', kind: 'gas', code: makePpe(880001), codeType: 'ppg',
      name: 'Dom – Wolności 230', address: address('ul. Wolności', '230', null, '41-800', 'Zabrze'), tariff: 'W-3.6', meter: 'G4-2207781',
      window: [10, 10, 61], regs: [{ id: 'reg_g1_all', zone: 'all', obis: '7.0.3', unit: 'm3', factor: 11.2, digits: 5, decimals: 3, monthly: season(210, 25), start: 3120.5, price: 0.29 * 11.2 }],
    },
    {
      id: 'pt_w_0001', customer: 'cust_woda', contract: 'ctr_w_0001', kind: 'water', code: 'WOD/0045/121', codeType: 'water_connection',
      name: 'Mieszkanie – Daszyńskiego 8/2', address: address('ul. Daszyńskiego', '8', '2', '44-109', 'Gliwice'), tariff: 'W-1', meter: 'WM-0045121',
      window: [-1, 14, 91], regs: [{ id: 'reg_w1_all', zone: 'all', obis: null, unit: 'm3', factor: null, digits: 5, decimals: 3, monthly: season(8.5, 7), start: 642.317, price: 14.85 }],
    },
    {
      id: 'pt_2fa_0001', customer: 'cust_2fa', contract: 'ctr_2fa_0001', kind: 'electricity', code: makePpe(770001), codeType: 'ppe',
      name: 'Mieszkanie – Mickiewicza 5/10', address: address('ul. Mickiewicza', '5', '10', '40-092', 'Katowice'), tariff: 'G11', meter: '71266512',
      window: [-3, 10, 61], regs: [elecAll('reg_2fa_all', 22150, 190, 140)],
    },
    {
      id: 'pt_k_0001', customer: 'cust_kowalski', contract: 'ctr_k_0001', kind: 'electricity', code: '590243800000000012', codeType: 'ppe',
      name: 'Mieszkanie – Długa 15/7', address: address('ul. Długa', '15', '7', '31-147', 'Kraków'), tariff: 'G11', meter: '60011842',
      window: [-3, 10, 61], regs: [elecAll('reg_k_all', 31200, 200, 150)],
    },
  ];
  const streets = ['ul. Piekarska 3', 'ul. Floriańska 14', 'ul. Karmelicka 30', 'ul. Dietla 51', 'al. Pokoju 7', 'ul. Wielicka 120', 'ul. Kalwaryjska 9', 'ul. Grzegórzecka 21', 'os. Centrum A 4', 'ul. Zakopiańska 62', 'ul. Opolska 11', 'ul. Armii Krajowej 18'];
  streets.forEach((s, i) => {
    const n = i + 1;
    const twoZones = n % 4 === 0;
    const [street, building] = [s.replace(/ \S+$/, ''), s.split(' ').pop()!];
    points.push({
      id: `pt_f_${pad(n)}`, customer: 'cust_firma', contract: twoZones ? 'ctr_f_0002' : 'ctr_f_0001', kind: 'electricity', code: makePpe(100000 + n * 7), codeType: 'ppe',
      name: `Piekarnia – ${s}`, address: address(street, building, null, `3${n % 2}-${pad(100 + n * 13, 3)}`, 'Kraków'), tariff: twoZones ? 'C12a' : 'C11', meter: `B${pad(5500000 + n * 17, 8)}`,
      window: [n % 3 === 0 ? 20 : -2, 10, 61],
      regs: twoZones
        ? [{ ...elecDay(`reg_f${pad(n)}_day`, 120000 + n * 1000, 2400, 1900), digits: 6 }, { ...elecNight(`reg_f${pad(n)}_night`, 60000 + n * 500, 1300, 1000), digits: 6 }]
        : [elecAll(`reg_f${pad(n)}_all`, 200000 + n * 1500, 3100 + n * 40, 2500 + n * 30, 6)],
    });
  });
  await insert(
    db,
    'points',
    ['id', 'customer_id', 'contract_id', 'kind', 'code', 'code_type', 'name', 'address', 'tariff', 'window_anchor', 'window_length', 'window_period'],
    points.map((p) => [p.id, p.customer, p.contract, p.kind, p.code, p.codeType, p.name, p.address, p.tariff, day(p.window[0]), p.window[1], p.window[2]]),
  );
  await insert(db, 'meters', ['serial_number', 'point_id', 'kind', 'smart'], points.map((p) => [p.meter, p.id, p.kind, p.id === 'pt_f_01' || p.id === 'pt_f_02']));
  await insert(
    db,
    'registers',
    ['id', 'point_id', 'meter_serial', 'position', 'zone', 'obis_code', 'unit', 'direction', 'conversion_factor', 'digits', 'decimals', 'daily_usage', 'unit_price'],
    points.flatMap((p) =>
      p.regs.map((r, i) => [r.id, p.id, p.meter, i, r.zone, r.obis, r.unit, 'consumption', r.factor, r.digits, r.decimals, (r.monthly(Number(today.slice(5, 7)), () => 0.5) / 30.4).toFixed(3), r.price.toFixed(4)]),
    ),
  );

  // ---------- consumption (24 full months) and monthly readings ----------
  const [ty, tm] = today.split('-').map(Number) as [number, number];
  const months: string[] = [];
  for (let k = 24; k >= 1; k--) {
    const d = new Date(Date.UTC(ty, tm - 1 - k, 1));
    months.push(d.toISOString().slice(0, 10));
  }
  const consumption: Row[] = [];
  const readings: Row[] = [];
  const values: Row[] = [];
  const monthlyTotals = new Map<string, Map<string, number>>(); // point → month → money-relevant total
  for (const p of points) {
    const r = rng(p.id.length * 7919 + p.id.charCodeAt(p.id.length - 1));
    const counters = p.regs.map((g) => g.start);
    const totals = new Map<string, number>();
    months.forEach((month, mi) => {
      const estimated = mi === 17 || mi === 9;
      let cost = 0;
      p.regs.forEach((g, gi) => {
        const v = Math.round(g.monthly(Number(month.slice(5, 7)), r) * 10 ** g.decimals) / 10 ** g.decimals;
        consumption.push([g.id, p.id, month, v.toFixed(3), estimated]);
        counters[gi] = counters[gi]! + v;
        cost += v * g.price;
      });
      totals.set(month, cost);
      // A reading at the start of the next month (the last one at the start of the current month).
      const next = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1)).toISOString().slice(0, 10);
      const id = `rdg_${p.id.slice(3)}_${pad(mi, 2)}`;
      const readDay = next > day(-1) ? day(-1) : next;
      readings.push([id, p.id, warsawInstant(readDay, 9 * 3600 + mi * 60), estimated ? 'estimated' : mi % 2 === 0 ? 'settlement' : 'operator', 'accepted', false, warsawInstant(readDay, 9 * 3600)]);
      p.regs.forEach((g, gi) => values.push([id, g.id, counters[gi]!.toFixed(g.decimals)]));
    });
    monthlyTotals.set(p.id, totals);
  }
  await insert(db, 'consumption', ['register_id', 'point_id', 'month', 'value', 'estimated'], consumption);
  await insert(db, 'readings', ['id', 'point_id', 'read_at', 'kind', 'status', 'by_customer', 'created_at'], readings);
  await insert(db, 'reading_values', ['reading_id', 'register_id', 'value'], values);

  // ---------- documents and payments of the personal customers ----------
  const docs: Row[] = [];
  const pays: Row[] = [];
  const allocs: Row[] = [];
  const vatLines = (items: { description: string; quantity: string | null; unit: string | null; netCents: number; rate?: number }[]) => {
    let net = 0;
    let gross = 0;
    const lines = items.map((l) => {
      const rate = l.rate ?? 23;
      const g = Math.round(l.netCents * (1 + rate / 100));
      net += l.netCents;
      gross += g;
      return { description: l.description, quantity: l.quantity, unit: l.unit, net: fromCents(l.netCents), vatRate: String(rate), gross: fromCents(g) };
    });
    return { lines, net, gross, vat: gross - net };
  };
  interface Personal {
    customer: string;
    point: string;
    prefix: string;
    unitLabel: string;
    history: number;
    open: { issue: number; due: number; grossCents?: number }[];
  }
  const personal: Personal[] = [
    { customer: 'cust_energia', point: 'pt_e_0001', prefix: 'FV', unitLabel: 'kWh', history: 22, open: [{ issue: -24, due: -10, grossCents: 38947 }, { issue: -5, due: 9, grossCents: 21230 }] },
    { customer: 'cust_gaz', point: 'pt_g_0001', prefix: 'FG', unitLabel: 'kWh', history: 22, open: [{ issue: -3, due: 11, grossCents: 18000 }] },
    { customer: 'cust_woda', point: 'pt_w_0001', prefix: 'FW', unitLabel: 'm3', history: 23, open: [] },
    { customer: 'cust_2fa', point: 'pt_2fa_0001', prefix: 'FV', unitLabel: 'kWh', history: 22, open: [{ issue: -8, due: 6, grossCents: 15420 }] },
    { customer: 'cust_kowalski', point: 'pt_k_0001', prefix: 'FV', unitLabel: 'kWh', history: 6, open: [] },
  ];
  let docSeq = 1;
  for (const c of personal) {
    const totals = monthlyTotals.get(c.point)!;
    const invoices: { issue: number; due: number; grossCents?: number; paid: boolean }[] = [
      ...c.open.map((o) => ({ ...o, paid: false })),
      ...Array.from({ length: c.history }, (_, k) => ({ issue: -(c.open.length ? 24 : 10) - Math.round(30.4 * (k + 1)), due: -(c.open.length ? 10 : -4) - Math.round(30.4 * (k + 1)), paid: true })),
    ];
    for (const inv of invoices) {
      const issue = day(inv.issue);
      const periodTo = addDays(issue, -5);
      const periodFrom = addDays(periodTo, -29);
      const monthKey = `${periodFrom.slice(0, 7)}-01`;
      const energyNet = Math.round((totals.get(monthKey) ?? 180) * 100 * 0.55);
      const fixed = c.customer === 'cust_woda' ? 900 : 1850;
      let parts = [
        { description: c.customer === 'cust_woda' ? 'Dostawa wody' : c.customer === 'cust_gaz' ? 'Paliwo gazowe' : 'Energia elektryczna czynna', quantity: null as string | null, unit: c.unitLabel, netCents: energyNet, rate: c.customer === 'cust_woda' ? 8 : 23 },
        { description: c.customer === 'cust_woda' ? 'Odprowadzanie ścieków' : 'Opłata dystrybucyjna zmienna', quantity: null, unit: c.unitLabel, netCents: Math.round(energyNet * 0.6), rate: c.customer === 'cust_woda' ? 8 : 23 },
        { description: c.customer === 'cust_woda' ? 'Opłata abonamentowa' : 'Opłata dystrybucyjna stała i abonamentowa', quantity: '1', unit: 'mies.', netCents: fixed, rate: c.customer === 'cust_woda' ? 8 : 23 },
      ];
      if (inv.grossCents) {
        const want = inv.grossCents;
        const rate = parts[0]!.rate;
        const totalNet = Math.round(want / (1 + rate / 100));
        parts = [
          { ...parts[0]!, netCents: Math.round(totalNet * 0.6) },
          { ...parts[1]!, netCents: totalNet - Math.round(totalNet * 0.6) - fixed },
          { ...parts[2]!, netCents: fixed },
        ];
      }
      const v = vatLines(parts);
      if (inv.grossCents) {
        // Make the last line absorb rounding so the document's gross is exactly the wanted figure.
        const diff = inv.grossCents - v.gross;
        const last = v.lines[v.lines.length - 1]!;
        last.gross = fromCents(Number(last.gross.replace('.', '')) + diff);
        v.gross += diff;
        v.vat += diff;
      }
      const id = `doc_${c.customer.slice(5)}_${pad(docSeq++, 4)}`;
      const y = issue.slice(0, 4);
      const m = issue.slice(5, 7);
      docs.push([id, c.customer, `${c.prefix}/${y}/${m}/${pad(docSeq * 37, 6)}`, 'invoice', issue, day(inv.due), periodFrom, periodTo, fromCents(v.net), fromCents(v.vat), fromCents(v.gross), inv.paid ? fromCents(v.gross) : '0.00', null, true, [c.point], JSON.stringify(v.lines)]);
      if (inv.paid) {
        const payId = `pay_${c.customer.slice(5)}_${pad(docSeq, 4)}`;
        const online = docSeq % 3 === 0;
        const paidAt = at(inv.due - 3, 18, 20);
        pays.push([payId, c.customer, 'paid', fromCents(v.gross), online ? (docSeq % 2 ? 'blik' : 'card') : 'other', online ? 'documents' : 'external', [id], paidAt, paidAt, online ? paidAt : null]);
        allocs.push([payId, id, fromCents(v.gross), day(inv.due - 3)]);
      }
    }
  }
  // Energia: a settled credit correction of an older invoice.
  const corrected = docs.find((d) => d[1] === 'cust_energia' && d[11] !== '0.00')!;
  docs.push(['doc_energia_kor1', 'cust_energia', `KOR/${day(-70).slice(0, 4)}/${day(-70).slice(5, 7)}/000412`, 'correction', day(-70), day(-56), corrected[6], corrected[7], '-28.62', '-6.58', '-35.20', '-35.20', corrected[0], true, ['pt_e_0001'], JSON.stringify([{ description: 'Korekta zużycia (odczyt rzeczywisty zamiast prognozy)', quantity: '-45', unit: 'kWh', net: '-28.62', vatRate: '23', gross: '-35.20' }])]);
  // Gaz: an overpayment larger than the open invoice (unallocated).
  pays.push(['pay_gaz_nadplata', 'cust_gaz', 'paid', '650.00', 'other', 'external', [], at(-20, 11), at(-20, 11), null]);
  await insert(db, 'documents', ['id', 'customer_id', 'number', 'type', 'issue_date', 'due_date', 'period_from', 'period_to', 'net', 'vat', 'gross', 'paid', 'corrects_id', 'has_pdf', 'point_ids', 'lines'], docs);
  await insert(db, 'payments', ['id', 'customer_id', 'status', 'amount', 'method', 'scope', 'document_ids', 'created_at', 'completed_at', 'expires_at'], pays);
  await insert(db, 'allocations', ['payment_id', 'document_id', 'amount', 'allocated_on'], allocs);

  // ---------- the business: 10,000 documents, set-based ----------
  await db.query(
    `INSERT INTO documents (id, customer_id, number, type, issue_date, due_date, period_from, period_to, net, vat, gross, paid, corrects_id, has_pdf, point_ids, lines)
     SELECT 'doc_f_' || lpad(i::text, 5, '0'), 'cust_firma',
       CASE t WHEN 'correction' THEN 'KOR' WHEN 'interest_note' THEN 'NO' ELSE 'FV' END || '/' || to_char(issue, 'YYYY/MM') || '/B' || lpad(i::text, 6, '0'),
       t, issue, issue + 14,
       CASE WHEN t = 'interest_note' THEN NULL ELSE issue - 35 END,
       CASE WHEN t = 'interest_note' THEN NULL ELSE issue - 6 END,
       net, gross - net, gross,
       CASE WHEN i <= 12 THEN 0 ELSE gross END,
       CASE WHEN t = 'correction' THEN 'doc_f_' || lpad((i + 14)::text, 5, '0') END,
       true, ARRAY['pt_f_' || lpad((1 + i % 12)::text, 2, '0')],
       CASE WHEN t = 'interest_note' THEN jsonb_build_array(jsonb_build_object('description', 'Odsetki za opóźnienie w płatności', 'quantity', NULL, 'unit', NULL, 'net', net::text, 'vatRate', 'np', 'gross', gross::text))
         ELSE jsonb_build_array(
           jsonb_build_object('description', CASE WHEN t = 'correction' THEN 'Korekta: energia elektryczna czynna' ELSE 'Energia elektryczna czynna' END, 'quantity', (round(net * 0.7 / 0.62))::text, 'unit', 'kWh', 'net', round(net * 0.7, 2)::text, 'vatRate', '23', 'gross', round(round(net * 0.7, 2) * 1.23, 2)::text),
           jsonb_build_object('description', 'Opłaty dystrybucyjne', 'quantity', NULL, 'unit', NULL, 'net', (net - round(net * 0.7, 2))::text, 'vatRate', '23', 'gross', (gross - round(round(net * 0.7, 2) * 1.23, 2))::text))
       END
     FROM (
       SELECT i, t, issue, net, CASE WHEN t = 'interest_note' THEN net ELSE round(net * 1.23, 2) END AS gross
       FROM (
         SELECT i,
           CASE WHEN i % 50 = 0 THEN 'correction' WHEN i % 97 = 0 THEN 'interest_note' ELSE 'invoice' END AS t,
           $1::date - (5 + (i - 1) / 14) AS issue,
           CASE WHEN i % 50 = 0 THEN -round((40 + (i * 7919) % 30000 / 100.0)::numeric, 2)
                WHEN i % 97 = 0 THEN round((8 + (i * 31) % 9000 / 100.0)::numeric, 2)
                ELSE round((480 + (i * 7919) % 260000 / 100.0)::numeric, 2) END AS net
         FROM generate_series(1, 10000) AS i
       ) a
     ) b`,
    [today],
  );
  await db.query(
    `INSERT INTO payments (id, customer_id, status, amount, method, scope, document_ids, created_at, completed_at)
     SELECT 'pay_f_' || substr(id, 7), customer_id, 'paid', gross, 'other', 'external', ARRAY[id],
       (LEAST(due_date - 2, $1::date - 1)::timestamp + interval '9 hours') AT TIME ZONE 'UTC', (LEAST(due_date - 2, $1::date - 1)::timestamp + interval '9 hours') AT TIME ZONE 'UTC'
     FROM documents WHERE customer_id = 'cust_firma' AND gross > 0 AND paid = gross`,
    [today],
  );
  await db.query(
    `INSERT INTO allocations (payment_id, document_id, amount, allocated_on)
     SELECT 'pay_f_' || substr(id, 7), id, gross, LEAST(due_date - 2, $1::date - 1) FROM documents WHERE customer_id = 'cust_firma' AND gross > 0 AND paid = gross`,
    [today],
  );

  // ---------- tickets ----------
  const energiaInvoice = docs.find((d) => d[1] === 'cust_energia' && d[3] === 'invoice' && d[11] !== '0.00')!;
  const replyPdf = await tinyPdf('Energia Przyklad S.A. - odpowiedz na reklamacje. Korekta faktury zostala wystawiona.');
  await insert(db, 'tickets', ['id', 'customer_id', 'number', 'category_id', 'subject', 'status', 'point_id', 'document_id', 'created_at', 'updated_at', 'last_message_author'], [
    ['tkt_e_0001', 'cust_energia', `ZG/${day(-80).slice(0, 4)}/000871`, 'cat_invoice', 'Zawyżona faktura – zużycie z prognozy', 'resolved', 'pt_e_0001', energiaInvoice[0], at(-80, 9, 12), at(-72, 13, 40), 'consultant'],
    ['tkt_e_0002', 'cust_energia', `ZG/${day(-3).slice(0, 4)}/001022`, 'cat_reading', 'Licznik pokazuje inną wartość niż na fakturze', 'in_progress', 'pt_e_0001', null, at(-3, 19, 5), at(-2, 8, 30), 'customer'],
    ['tkt_g_0001', 'cust_gaz', `ZG/${day(-12).slice(0, 4)}/000990`, 'cat_data', 'Zmiana adresu korespondencyjnego', 'awaiting_customer', null, null, at(-12, 10, 0), at(-10, 12, 0), 'consultant'],
    ['tkt_f_0001', 'cust_firma', `ZG/${day(-40).slice(0, 4)}/000931`, 'cat_tariff', 'Zmiana taryfy na C12a dla punktu przy ul. Dietla', 'closed', 'pt_f_04', null, at(-40, 9, 0), at(-30, 9, 0), 'consultant'],
  ]);
  await insert(db, 'ticket_messages', ['id', 'ticket_id', 'author', 'author_name', 'body', 'created_at'], [
    ['tmsg_e1_1', 'tkt_e_0001', 'customer', 'Anna Nowak', 'Dzień dobry, faktura uwzględnia zużycie z prognozy, choć podałam odczyt. Załączam zdjęcie licznika. Proszę o korektę.', at(-80, 9, 12)],
    ['tmsg_e1_2', 'tkt_e_0001', 'consultant', 'Katarzyna', 'Dzień dobry, dziękujemy za zgłoszenie. Reklamację uznaliśmy: wystawiliśmy fakturę korygującą na kwotę -35,20 zł, która pomniejszyła kolejną płatność. W załączniku pismo z wyjaśnieniem. Pozdrawiamy.', at(-72, 13, 40)],
    ['tmsg_e2_1', 'tkt_e_0002', 'customer', 'Anna Nowak', 'Licznik w strefie nocnej pokazuje mniej niż na ostatniej fakturze. Czy mogę prosić o sprawdzenie?', at(-3, 19, 5)],
    ['tmsg_g1_1', 'tkt_g_0001', 'customer', 'Piotr Zieliński', 'Proszę o zmianę adresu do korespondencji na ul. Wolności 230, 41-800 Zabrze.', at(-12, 10, 0)],
    ['tmsg_g1_2', 'tkt_g_0001', 'consultant', 'Marek', 'Dzień dobry, prosimy o potwierdzenie, czy zmiana ma dotyczyć także adresu na fakturach.', at(-10, 12, 0)],
    ['tmsg_f1_1', 'tkt_f_0001', 'customer', 'Piekarnia Mazur sp. z o.o.', 'Prosimy o zmianę taryfy na C12a.', at(-40, 9, 0)],
    ['tmsg_f1_2', 'tkt_f_0001', 'consultant', 'Ewa', 'Taryfa została zmieniona od początku następnego okresu rozliczeniowego. Zamykamy zgłoszenie.', at(-30, 9, 0)],
  ]);
  await insert(db, 'ticket_attachments', ['id', 'ticket_id', 'message_id', 'name', 'size', 'content_type', 'content'], [
    ['att_e1_1', 'tkt_e_0001', 'tmsg_e1_1', 'zdjecie-licznika.png', TINY_PNG.length, 'image/png', TINY_PNG],
    ['att_e1_2', 'tkt_e_0001', 'tmsg_e1_2', 'odpowiedź-na-reklamację.pdf', replyPdf.length, 'application/pdf', replyPdf],
  ]);

  // ---------- notification history ----------
  const msgs: Row[] = [];
  const past = (d: Date): Date => (d > now ? new Date(now.getTime() - 10 * 60000) : d);
  const msg = (customer: string, channel: string, event: string, subject: string | null, body: string, offset: number, read: boolean) =>
    msgs.push([`msg_${customer.slice(5)}_${pad(msgs.length + 1, 3)}`, customer, channel, event, subject, body, past(at(offset, 8, 15)), read ? past(at(offset, 20, 0)) : null]);
  msg('cust_energia', 'email', 'new_invoice', 'Nowa faktura za energię', 'Wystawiliśmy fakturę na 389,47 zł z terminem płatności ' + day(-10) + '.', -24, true);
  msg('cust_energia', 'sms', 'due_date', null, 'Energia Przyklad: jutro mija termin platnosci faktury na 389,47 zl.', -11, true);
  msg('cust_energia', 'email', 'overdue_reminder', 'Przypomnienie o zaległej płatności', 'Nie odnotowaliśmy wpłaty 389,47 zł, której termin minął ' + day(-10) + '. Zapłać w eBOK, aby uniknąć odsetek.', -7, false);
  msg('cust_energia', 'email', 'new_invoice', 'Nowa faktura za energię', 'Wystawiliśmy fakturę na 212,30 zł z terminem płatności ' + day(9) + '.', -5, false);
  msg('cust_energia', 'portal', 'reading_window', 'Podaj odczyt licznika', 'Do ' + day(7) + ' możesz podać odczyt licznika w eBOK. Rozliczymy Cię wtedy za rzeczywiste zużycie.', -2, false);
  msg('cust_energia', 'email', 'planned_works', 'Planowane wyłączenie prądu', 'Jutro w godz. 8:00–14:00 planujemy prace na sieci w Gliwicach (ul. Zwycięstwa).', -1, false);
  msg('cust_gaz', 'email', 'payment_received', 'Wpłata przyjęta', 'Zaksięgowaliśmy wpłatę 650,00 zł. Nadpłatę zaliczymy na poczet kolejnych faktur.', -20, true);
  msg('cust_gaz', 'email', 'new_invoice', 'Nowa faktura za gaz', 'Wystawiliśmy fakturę na 180,00 zł; zostanie pokryta z nadpłaty.', -3, false);
  msg('cust_woda', 'email', 'reading_window', 'Podaj odczyt wodomierza', 'Okno odczytowe jest otwarte do ' + day(12) + '.', -1, false);
  msg('cust_woda', 'email', 'payment_received', 'Wpłata przyjęta', 'Dziękujemy, wszystkie faktury są opłacone.', -15, true);
  msg('cust_firma', 'email', 'new_invoice', 'Nowe faktury za energię', 'Wystawiliśmy 12 faktur dla punktów poboru firmy.', -5, false);
  msg('cust_firma', 'email', 'account_security', 'Nowe logowanie do eBOK', 'Zalogowano się do konta z nowego urządzenia.', -30, true);
  msg('cust_2fa', 'sms', 'due_date', null, 'Energia Przyklad: za 6 dni mija termin platnosci faktury na 154,20 zl.', 0, false);
  await insert(db, 'messages', ['id', 'customer_id', 'channel', 'event', 'subject', 'body', 'sent_at', 'read_at'], msgs);

  // ---------- outages (public) ----------
  await insert(db, 'outages', ['id', 'kind', 'municipality', 'locality', 'postal_codes', 'streets', 'starts_at', 'ends_at', 'reason'], [
    ['out_e_001', 'electricity', 'Gliwice', 'Gliwice', ['44-100'], ['ul. Zwycięstwa 1–30', 'ul. Dworcowa'], at(1, 8), at(1, 14), { pl: 'Planowane prace konserwacyjne sieci energetycznej.', en: 'Planned maintenance of the power network.' }],
    ['out_g_001', 'gas', 'Zabrze', 'Zabrze', ['41-800'], ['ul. Wolności 200–260'], new Date(now.getTime() - 2 * 3600000), null, { pl: 'Awaria gazociągu – trwa usuwanie usterki.', en: 'Gas pipeline failure – repair in progress.' }],
    ['out_w_001', 'water', 'Gliwice', 'Sośnica', ['44-109'], ['ul. Daszyńskiego', 'ul. Przyszowska'], at(5, 9), at(5, 15), { pl: 'Wymiana zasuwy na sieci wodociągowej.', en: 'Replacement of a valve in the water network.' }],
    ['out_e_002', 'electricity', 'Kraków', 'Kraków – Stare Miasto', ['31-147', '31-148'], ['ul. Długa'], at(12, 7), at(12, 12), { pl: 'Modernizacja stacji transformatorowej.', en: 'Upgrade of a transformer station.' }],
    ['out_e_003', 'electricity', 'Katowice', 'Katowice', ['40-092'], [], at(-2, 10), at(-2, 13), { pl: 'Usunięta awaria linii kablowej.', en: 'A cable line failure (repaired).' }],
  ]);

  await db.query("INSERT INTO meta (key, value) VALUES ('seeded_at', $1)", [now.toISOString()]);
}
