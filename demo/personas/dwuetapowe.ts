/**
 * 2fa@example.com: Tomasz Lewandowski, an electricity customer (G11) in Katowice who signs in with an SMS code
 * as a second step. One invoice is partly paid and due in six days.
 */
import type { DayClock } from './clock.js';
import { account, address, contract, histories, message, once, preferences, terms } from './common.js';
import { buildPoint, invoices, register, schedule, season, type PointProfile } from './history.js';
import { makeGsrn, makePesel } from './identifiers.js';
import { ENERGIA } from './utilities.js';
import type { Persona } from './types.js';

const HOME = address('ul. Mickiewicza', '5', '10', '40-092', 'Katowice');

export function dwuetapowe(clock: DayClock): Persona {
  const flat: PointProfile = {
    id: 'pt_2fa_0001',
    kind: 'electricity',
    code: makeGsrn(770001),
    codeType: 'ppe',
    name: 'Mieszkanie – Mickiewicza 5/10',
    address: HOME,
    tariff: 'G11',
    contractId: 'ctr_2fa_0001',
    meter: { serialNumber: '71266512', smart: false },
    supply: { contractedPower: '4.0', readingMode: 'self', readingCycleMonths: 2, distributor: 'Przykład Dystrybucja S.A.' },
    window: [-3, 10, 61],
    registers: [register({ id: 'reg_2fa_all', zone: 'all', obisCode: '1.8.0', unit: 'kWh' }, 22_150, season(190, 140), 1.05)],
  };
  const history = histories([flat], clock);
  const billing = once(() =>
    invoices({ key: '2fa', pointId: flat.id, kind: 'electricity', prefix: 'FV', unit: 'kWh', costs: history.all()[0]!.costs }, schedule([{ issue: -8, due: 6, gross: 15_420, paid: 5_420, paidOn: -2 }], 22), { next: 0 }, clock),
  );
  return {
    key: 'dwuetapowe',
    what: 'prąd, logowanie dwuetapowe kodem SMS (kod w /outbox, gdy serwer działa z --demo, jak w npm start)',
    worlds: 'server and mocks',
    utility: ENERGIA,
    account: account(clock, { userId: 'usr_2fa', login: '2fa@example.com', phone: '+48609876543', mfa: 'sms' }),
    customer: {
      id: 'cust_2fa',
      number: '1200000041',
      kind: 'person',
      firstName: 'Tomasz',
      lastName: 'Lewandowski',
      companyName: null,
      nationalIdType: 'pesel',
      nationalId: makePesel(2001, 2, 14, 1239),
      contractEmail: '2fa@example.com',
      address: HOME,
      eInvoice: false,
      marketing: {},
      preferences: preferences(true),
      ...terms(clock),
    },
    contracts: [contract({ id: 'ctr_2fa_0001', number: 'UE/2023/008870', kind: 'electricity', product: 'Prąd Prosty G11', tariff: 'G11', startDate: '2023-03-01', endDate: null, status: 'active' })],
    points: [buildPoint(flat, clock)],
    consumption: history.consumption,
    readings: history.readings,
    documents: () => billing().documents,
    payments: () => billing().payments,
    tickets: [],
    attachments: new Map(),
    messages: [message(clock, 'msg_2fa_001', 'sms', 'due_date', null, 'Energia Przyklad: za 7 dni mija termin platnosci faktury (do zaplaty 100,00 zl).', clock.at(-1, 8, 15), null)],
  };
}
