/**
 * gaz@example.com: Piotr Zieliński, a gas customer of Gaz Przykład in Zabrze. Gas is read in m³ and billed in
 * kWh (conversion factor 11.2); a payment of 650.00 PLN is not yet allocated and is larger than the one open
 * invoice, so the balance is an overpayment. The reading window is closed until ten days from now. Four years of
 * paid invoices, a third of them online, with a failed online attempt before every other online payment.
 */
import type { DayClock } from './clock.js';
import { account, address, contract, histories, message, once, preferences, terms, ticket, ticketMessage } from './common.js';
import { buildPoint, failedAttempts, invoices, register, schedule, season, type PointProfile } from './history.js';
import { makeGsrn, makePesel } from './identifiers.js';
import { GAZ } from './utilities.js';
import type { Persona, PersonaPayment } from './types.js';

const NAME = 'Piotr Zieliński';
/** Paid monthly invoices before the open one: four years of payment history (online and bank transfers). */
const GAZ_HISTORY = 46;
const HOME = address('ul. Wolności', '230', null, '41-800', 'Zabrze');

export function gaz(clock: DayClock): Persona {
  const { at } = clock;
  const house: PointProfile = {
    id: 'pt_g_0001',
    kind: 'gas',
    code: makeGsrn(880001),
    codeType: 'ppg',
    name: 'Dom – Wolności 230',
    address: HOME,
    tariff: 'W-3.6',
    contractId: 'ctr_g_0001',
    meter: { serialNumber: 'G4-2207781', smart: false },
    supply: { contractedPower: null, readingMode: 'collector', readingCycleMonths: 6, distributor: 'Przykład Gaz Sieci sp. z o.o.' },
    window: [10, 10, 61],
    registers: [register({ id: 'reg_g1_all', zone: 'all', obisCode: '7.0.3', unit: 'm3', conversionFactor: 11.2, decimals: 3 }, 3120.5, season(210, 25), 0.29 * 11.2)],
  };
  const history = histories([house], clock);
  const billing = once(() => {
    const bills = invoices({ key: 'gaz', pointId: house.id, kind: 'gas', prefix: 'FG', unit: 'kWh', costs: history.all()[0]!.costs }, schedule([{ issue: -3, due: 11, gross: 18_000, paid: false }], GAZ_HISTORY), { next: 0 }, clock);
    const overpayment: PersonaPayment = { id: 'pay_gaz_nadplata', status: 'paid', amount: 65_000, method: 'other', scope: 'external', documentIds: [], createdAt: at(-20, 11), completedAt: at(-20, 11), expiresAt: null, allocations: [] };
    return { documents: bills.documents, payments: [...bills.payments, ...failedAttempts('gaz', bills.payments, 2), overpayment] };
  });
  return {
    key: 'gaz',
    what: 'gaz (m³ → kWh), nadpłata większa niż otwarte faktury',
    worlds: 'server and mocks',
    utility: GAZ,
    account: account(clock, { userId: 'usr_gaz', login: 'gaz@example.com' }),
    customer: {
      id: 'cust_gaz',
      number: '3400000021',
      kind: 'person',
      firstName: 'Piotr',
      lastName: 'Zieliński',
      companyName: null,
      nationalIdType: 'pesel',
      nationalId: makePesel(1972, 11, 5, 3117),
      contractEmail: 'gaz@example.com',
      address: HOME,
      eInvoice: true,
      marketing: { email: { given: true, changedAt: clock.at(-400) }, phone: { given: true, changedAt: clock.at(-200) }, profiling: { given: false, changedAt: clock.at(-200) } },
      preferences: preferences(false),
      ...terms(clock),
    },
    contracts: [contract({ id: 'ctr_g_0001', number: 'UG/2020/001877', kind: 'gas', product: 'Gaz Domowy', tariff: 'W-3.6', startDate: '2020-09-01', endDate: null, status: 'active' }, [['Aneks nr 1 – nowa grupa taryfowa W-3.6', '2023-08-21']])],
    points: [buildPoint(house, clock)],
    consumption: history.consumption,
    readings: history.readings,
    documents: () => billing().documents,
    payments: () => billing().payments,
    tickets: [
      ticket({ id: 'tkt_g_0001', number: `ZG/${clock.day(-12).slice(0, 4)}/000992`, categoryId: 'cat_data', subject: 'Zmiana adresu korespondencyjnego', status: 'awaiting_customer' }, [
        ticketMessage('tmsg_g1_1', 'customer', NAME, 'Proszę o zmianę adresu do korespondencji na ul. Wolności 230, 41-800 Zabrze.', at(-12, 10, 0)),
        ticketMessage('tmsg_g1_2', 'consultant', 'Marek z Biura Obsługi Klienta', 'Dzień dobry, prosimy o potwierdzenie, czy zmiana ma dotyczyć także adresu na fakturach.', at(-10, 12, 0)),
      ]),
    ],
    attachments: new Map(),
    messages: [
      message(clock, 'msg_gaz_001', 'email', 'payment_received', 'Wpłata przyjęta', 'Zaksięgowaliśmy wpłatę 650,00 zł. Nadpłatę zaliczymy na poczet kolejnych faktur.', at(-20, 8, 15), at(-20, 20)),
      message(clock, 'msg_gaz_002', 'email', 'new_invoice', 'Nowa faktura za gaz', 'Wystawiliśmy fakturę na 180,00 zł; zostanie pokryta z nadpłaty.', at(-3, 8, 15), null),
    ],
  };
}
