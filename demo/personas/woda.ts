/**
 * woda@example.com: Maria Wiśniewska, a customer of Wodociągi Przykład in Gliwice: everything paid, the reading
 * window of the water meter open now (for two weeks). The water portal has no second factor and a stricter
 * password policy, and wants the registration e-mail to match the contract.
 */
import type { DayClock } from './clock.js';
import { account, address, contract, histories, message, once, plDate, preferences, terms } from './common.js';
import { buildPoint, failedAttempts, invoices, register, schedule, season, type PointProfile } from './history.js';
import { makePesel } from './identifiers.js';
import { WODA } from './utilities.js';
import type { Persona } from './types.js';

const HOME = address('ul. Daszyńskiego', '8', '2', '44-109', 'Gliwice');

export function woda(clock: DayClock): Persona {
  const { at, day } = clock;
  const flat: PointProfile = {
    id: 'pt_w_0001',
    kind: 'water',
    code: 'WOD/0045/121',
    codeType: 'water_connection',
    name: 'Mieszkanie – Daszyńskiego 8/2',
    address: HOME,
    tariff: 'W-1',
    contractId: 'ctr_w_0001',
    meter: { serialNumber: 'WM-0045121', smart: false },
    supply: { contractedPower: null, readingMode: 'self', readingCycleMonths: 3, distributor: null },
    window: [-1, 14, 91],
    registers: [register({ id: 'reg_w1_all', zone: 'all', obisCode: null, unit: 'm3', decimals: 3 }, 642.317, season(8.5, 7), 14.85)],
  };
  const history = histories([flat], clock);
  // Four years of monthly invoices, all paid (a third online), and a failed online attempt before every third online payment.
  const bills = once(() => invoices({ key: 'woda', pointId: flat.id, kind: 'water', prefix: 'FW', unit: 'm3', costs: history.all()[0]!.costs }, schedule([], 47), { next: 0 }, clock));
  return {
    key: 'woda',
    what: 'woda, wszystko zapłacone, okno odczytowe otwarte',
    worlds: 'server and mocks',
    utility: WODA,
    account: account(clock, { userId: 'usr_woda', login: 'woda@example.com', phone: '+48602345678' }),
    customer: {
      id: 'cust_woda',
      number: 'W-0045121',
      kind: 'person',
      firstName: 'Maria',
      lastName: 'Wiśniewska',
      companyName: null,
      nationalIdType: 'pesel',
      nationalId: makePesel(1990, 7, 21, 2046),
      contractEmail: 'woda@example.com',
      address: HOME,
      eInvoice: true,
      marketing: {},
      preferences: preferences(false),
      ...terms(clock),
    },
    contracts: [contract({ id: 'ctr_w_0001', number: 'UW/2018/045121', kind: 'water', product: 'Dostawa wody i odprowadzanie ścieków', tariff: 'W-1', startDate: '2018-01-01', endDate: null, status: 'active' })],
    points: [buildPoint(flat, clock)],
    consumption: history.consumption,
    readings: history.readings,
    documents: () => bills().documents,
    payments: once(() => [...bills().payments, ...failedAttempts('woda', bills().payments, 3)]),
    tickets: [],
    attachments: new Map(),
    messages: [
      message(clock, 'msg_woda_001', 'email', 'reading_window', 'Podaj odczyt wodomierza', `Okno odczytowe jest otwarte do ${plDate(day(12))}.`, at(-1, 8, 15), null),
      message(clock, 'msg_woda_002', 'email', 'payment_received', 'Wpłata przyjęta', 'Dziękujemy, wszystkie faktury są opłacone.', at(-15, 8, 15), at(-15, 20)),
    ],
  };
}
