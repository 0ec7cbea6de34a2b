/**
 * firma@example.com: Piekarnia Mazur sp. z o.o. (NIP 8567346215), a bakery chain in Kraków buying electricity
 * for 12 points of delivery under two fixed-term contracts (and one ended), with 10,000 financial documents:
 * invoices, credit corrections and interest notes, 12 of them open. The documents and their payments are
 * generated deterministically and only when asked for.
 */
import { addDays, warsawInstant } from '../../src/i18n/calendar.js';
import type { DayClock } from './clock.js';
import { account, address, contract, histories, message, once, preferences, terms, ticket, ticketMessage } from './common.js';
import { buildPoint, failedAttempts, register, season, type PointProfile } from './history.js';
import { checkedNip, makeGsrn } from './identifiers.js';
import { money, roundHalfAway } from './money.js';
import { ENERGIA } from './utilities.js';
import type { Persona, PersonaDocument, PersonaPayment, Schemas } from './types.js';

/** How many documents the business has. */
export const FIRMA_DOCUMENT_COUNT = 10_000;

const COMPANY = 'Piekarnia Mazur sp. z o.o.';
const STREETS = ['ul. Piekarska 3', 'ul. Floriańska 14', 'ul. Karmelicka 30', 'ul. Dietla 51', 'al. Pokoju 7', 'ul. Wielicka 120', 'ul. Kalwaryjska 9', 'ul. Grzegórzecka 21', 'os. Centrum A 4', 'ul. Zakopiańska 62', 'ul. Opolska 11', 'ul. Armii Krajowej 18'];
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
/** Contracted power of the one-zone bakeries, kW. */
const POWERS = ['15.0', '21.0', '27.0', '31.5'] as const;

function points(): PointProfile[] {
  return STREETS.map((s, i) => {
    const n = i + 1;
    const twoZones = n % 4 === 0;
    const building = s.split(' ').pop() ?? '';
    return {
      id: `pt_f_${pad(n)}`,
      kind: 'electricity',
      code: makeGsrn(100_000 + n * 7),
      codeType: 'ppe',
      name: `Piekarnia – ${s}`,
      address: address(s.replace(/ \S+$/, ''), building, null, `3${n % 2}-${pad(100 + n * 13, 3)}`, 'Kraków'),
      tariff: twoZones ? 'C12a' : 'C11',
      contractId: twoZones ? 'ctr_f_0002' : 'ctr_f_0001',
      meter: { serialNumber: `B${pad(5_500_000 + n * 17, 8)}`, smart: n <= 2 },
      // The two smart meters are read remotely; the others by the utility's reader monthly, or by the bakery itself.
      supply: {
        contractedPower: twoZones ? '40.0' : POWERS[i % POWERS.length]!,
        readingMode: n <= 2 ? 'remote' : n % 2 ? 'collector' : 'self',
        readingCycleMonths: n <= 2 ? null : 1,
        distributor: 'Przykład Dystrybucja S.A.',
      },
      window: [n % 3 === 0 ? 20 : -2, 10, 61],
      registers: twoZones
        ? [
            register({ id: `reg_f${pad(n)}_day`, zone: 'day', obisCode: '1.8.1', unit: 'kWh', digits: 6 }, 120_000 + n * 1000, season(2400, 1900), 0.98),
            register({ id: `reg_f${pad(n)}_night`, zone: 'night', obisCode: '1.8.2', unit: 'kWh', digits: 6 }, 60_000 + n * 500, season(1300, 1000), 0.62),
          ]
        : [register({ id: `reg_f${pad(n)}_all`, zone: 'all', obisCode: '1.8.0', unit: 'kWh', digits: 6 }, 200_000 + n * 1500, season(3100 + n * 40, 2500 + n * 30), 1.05)],
    };
  });
}

/** Document `i` (1 = newest) of the business: every 50th a credit correction, every 97th an interest note. */
function document(i: number, today: string): PersonaDocument {
  const type: Schemas['DocumentType'] = i % 50 === 0 ? 'correction' : i % 97 === 0 ? 'interest_note' : 'invoice';
  const issueDate = addDays(today, -(5 + Math.floor((i - 1) / 14)));
  const net = type === 'correction' ? -(4_000 + ((i * 7919) % 30_000)) : type === 'interest_note' ? 800 + ((i * 31) % 9_000) : 48_000 + ((i * 7919) % 260_000);
  const gross = type === 'interest_note' ? net : roundHalfAway(net * 1.23);
  const id = `doc_f_${pad(i, 5)}`;
  const prefix = type === 'correction' ? 'KOR' : type === 'interest_note' ? 'NO' : 'FV';
  let lines: Schemas['DocumentLine'][];
  if (type === 'interest_note') {
    lines = [{ description: 'Odsetki za opóźnienie w płatności', quantity: null, unit: null, net: money(net), vatRate: 'np', gross: money(gross) }];
  } else {
    const energyNet = roundHalfAway(net * 0.7);
    const energyGross = roundHalfAway(energyNet * 1.23);
    lines = [
      { description: type === 'correction' ? 'Korekta: energia elektryczna czynna' : 'Energia elektryczna czynna', quantity: String(roundHalfAway((net * 0.7) / 62)), unit: 'kWh', net: money(energyNet), vatRate: '23', gross: money(energyGross) },
      { description: 'Opłaty dystrybucyjne', quantity: null, unit: null, net: money(net - energyNet), vatRate: '23', gross: money(gross - energyGross) },
    ];
  }
  return {
    id,
    number: `${prefix}/${issueDate.slice(0, 4)}/${issueDate.slice(5, 7)}/B${pad(i, 6)}`,
    type,
    issueDate,
    dueDate: addDays(issueDate, 14),
    periodFrom: type === 'interest_note' ? null : addDays(issueDate, -35),
    periodTo: type === 'interest_note' ? null : addDays(issueDate, -6),
    net,
    vat: gross - net,
    gross,
    paid: i <= 12 ? 0 : gross,
    correctsId: type === 'correction' && i + 14 <= FIRMA_DOCUMENT_COUNT ? `doc_f_${pad(i + 14, 5)}` : null,
    hasPdf: true,
    pointIds: type === 'interest_note' ? [] : [`pt_f_${pad(1 + (i % 12))}`],
    lines,
  };
}

/**
 * The business's payment history: the documents of one issue day (one for each point of delivery, due the
 * same day) are paid together by one bank transfer (`method: other`) two days before they are due, except
 * that on every fifth issue day the first invoice is paid online on its own the evening before (card or
 * BLIK, below the gateway's cap), after a failed attempt every third time. Credit corrections are settled by
 * themselves and paid by nobody.
 */
function firmaPayments(documents: readonly PersonaDocument[], yesterday: string): PersonaPayment[] {
  const byDay = new Map<string, PersonaDocument[]>();
  for (const d of documents) if (d.gross > 0 && d.paid === d.gross) byDay.set(d.issueDate, [...(byDay.get(d.issueDate) ?? []), d]);
  const payments: PersonaPayment[] = [];
  const online: PersonaPayment[] = [];
  [...byDay.values()].forEach((docs, g) => {
    const before = addDays(docs[0]!.dueDate, -2);
    const on = before < yesterday ? before : yesterday;
    const first = docs[0]!;
    let rest = docs;
    if (g % 5 === 2 && first.type === 'invoice' && docs.length > 1) {
      const eve = addDays(on, -1);
      const at = warsawInstant(eve, 20 * 3600 + 15 * 60);
      const pay: PersonaPayment = { id: `pay_f_${pad(g, 4)}o`, status: 'paid', amount: first.gross, method: g % 2 ? 'card' : 'blik', scope: 'documents', documentIds: [first.id], createdAt: at, completedAt: new Date(at.getTime() + 60_000), expiresAt: new Date(at.getTime() + 15 * 60_000), allocations: [{ documentId: first.id, amount: first.gross, on: eve }] };
      online.push(pay);
      rest = docs.slice(1);
    }
    const paidAt = warsawInstant(on, 9 * 3600);
    const amount = rest.reduce((sum, d) => sum + d.gross, 0);
    payments.push({ id: `pay_f_${pad(g, 4)}`, status: 'paid', amount, method: 'other', scope: 'external', documentIds: rest.map((d) => d.id), createdAt: paidAt, completedAt: paidAt, expiresAt: null, allocations: rest.map((d) => ({ documentId: d.id, amount: d.gross, on })) });
  });
  return [...payments, ...online, ...failedAttempts('f', online, 3)];
}

export function firma(clock: DayClock): Persona {
  const { at, day, today } = clock;
  const profiles = points();
  const history = histories(profiles, clock);
  const documents = once(() => Array.from({ length: FIRMA_DOCUMENT_COUNT }, (_, k) => document(k + 1, today)));
  const payments = once(() => firmaPayments(documents(), day(-1)));
  const endOfNextYear = `${Number(today.slice(0, 4)) + 1}-12-31`;
  return {
    key: 'firma',
    what: 'firma (NIP 8567346215), 12 punktów poboru, 10 000 dokumentów',
    worlds: 'server and mocks',
    utility: ENERGIA,
    account: account(clock, { userId: 'usr_firma', login: 'firma@example.com', phone: '+48123456789' }),
    customer: {
      id: 'cust_firma',
      number: '1200000033',
      kind: 'business',
      firstName: null,
      lastName: null,
      companyName: COMPANY,
      nationalIdType: 'nip',
      nationalId: checkedNip('8567346215'),
      regon: '470312340',
      contractEmail: 'firma@example.com',
      address: address('ul. Piekarska', '3', null, '30-001', 'Kraków'),
      eInvoice: true,
      marketing: {},
      preferences: preferences(false),
      ...terms(clock),
    },
    contracts: [
      contract({ id: 'ctr_f_0001', number: 'UE/2021/B/000311', kind: 'electricity', product: 'Biznes Stała Cena', tariff: 'C11', startDate: '2021-01-01', endDate: endOfNextYear, status: 'active' }, [
        ['Aneks nr 1 – przedłużenie umowy', '2023-11-20'],
        ['Aneks nr 2 – nowe punkty poboru', '2024-05-06'],
      ]),
      contract({ id: 'ctr_f_0002', number: 'UE/2022/B/000512', kind: 'electricity', product: 'Biznes Dzień-Noc', tariff: 'C12a', startDate: '2022-06-01', endDate: endOfNextYear, status: 'active' }, [['Aneks nr 1 – przedłużenie umowy', '2023-11-20']]),
      contract({ id: 'ctr_f_0003', number: 'UE/2019/B/000107', kind: 'electricity', product: 'Biznes Start', tariff: 'C11', startDate: '2019-01-01', endDate: '2020-12-31', status: 'terminated' }),
    ],
    points: profiles.map((p) => buildPoint(p, clock)),
    consumption: history.consumption,
    readings: history.readings,
    documents,
    payments,
    tickets: [
      ticket({ id: 'tkt_f_0001', number: `ZG/${day(-40).slice(0, 4)}/000931`, categoryId: 'cat_tariff', subject: 'Zmiana taryfy na C12a dla punktu przy ul. Dietla', status: 'closed', pointId: 'pt_f_04' }, [
        ticketMessage('tmsg_f1_1', 'customer', COMPANY, 'Prosimy o zmianę taryfy na C12a.', at(-40, 9, 0)),
        ticketMessage('tmsg_f1_2', 'consultant', 'Ewa z Biura Obsługi Klienta', 'Taryfa została zmieniona od początku następnego okresu rozliczeniowego. Zamykamy zgłoszenie.', at(-30, 9, 0)),
      ]),
    ],
    attachments: new Map(),
    messages: [
      message(clock, 'msg_firma_001', 'email', 'new_invoice', 'Nowe faktury za energię', 'Wystawiliśmy 12 faktur dla punktów poboru firmy.', at(-5, 8, 15), null),
      message(clock, 'msg_firma_002', 'email', 'account_security', 'Nowe logowanie do eBOK', 'Zalogowano się do konta z nowego urządzenia.', at(-30, 8, 15), at(-30, 20)),
    ],
  };
}
