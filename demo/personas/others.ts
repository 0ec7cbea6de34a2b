/**
 * The customers the sign-in and registration flows need besides the demo logins:
 * - `kowalski`: Stanisław Zając (born 1944, Kraków), a customer with no account yet: register with PESEL
 *   44051401359 and customer number 1200345678 (the first PPE of the domain notes is his point);
 * - `nieaktywne@example.com`: registered, never activated (`403 account_not_activated`);
 * - `jednorazowe@example.com`: signs in with the one-time password `Jednorazowe-1234`, which must be changed
 *   (`403 password_change_required`);
 * - `zablokowane@example.com`: locked for years (`401 invalid_credentials`, as for a wrong password). The
 *   reference server's test endpoint `/api/test/reset-throttles` lifts every lockout, this one too.
 */
import type { DayClock } from './clock.js';
import { account, address, contract, histories, once, preferences, terms } from './common.js';
import { buildPoint, invoices, register, schedule, season, type PointProfile } from './history.js';
import { checkedPesel, makeGsrn, makePesel } from './identifiers.js';
import { ENERGIA } from './utilities.js';
import type { Account, Customer, Persona, PersonaKey } from './types.js';

export const REGISTRATION = { pesel: checkedPesel('44051401359'), customerNumber: '1200345678', email: 'stanislaw.zajac@example.com' } as const;
export const ONE_TIME_PASSWORD = 'Jednorazowe-1234';

export function kowalski(clock: DayClock): Persona {
  const home = address('ul. Długa', '15', '7', '31-147', 'Kraków');
  const flat: PointProfile = {
    id: 'pt_k_0001',
    kind: 'electricity',
    code: makeGsrn(1),
    codeType: 'ppe',
    name: 'Mieszkanie – Długa 15/7',
    address: home,
    tariff: 'G11',
    contractId: 'ctr_k_0001',
    meter: { serialNumber: '60011842', smart: false },
    supply: { contractedPower: '4.0', readingMode: 'collector', readingCycleMonths: 2, distributor: 'Przykład Dystrybucja S.A.' },
    window: [-3, 10, 61],
    registers: [register({ id: 'reg_k_all', zone: 'all', obisCode: '1.8.0', unit: 'kWh' }, 31_200, season(200, 150), 1.05)],
  };
  const history = histories([flat], clock);
  const billing = once(() => invoices({ key: 'kowalski', pointId: flat.id, kind: 'electricity', prefix: 'FV', unit: 'kWh', costs: history.all()[0]!.costs }, schedule([], 6), { next: 0 }, clock));
  return {
    key: 'kowalski',
    what: 'rejestracja: PESEL 44051401359 + numer klienta 1200345678 (konto jeszcze nie istnieje)',
    worlds: 'server and mocks',
    utility: ENERGIA,
    account: null,
    customer: {
      id: 'cust_kowalski',
      number: REGISTRATION.customerNumber,
      kind: 'person',
      firstName: 'Stanisław',
      lastName: 'Zając',
      companyName: null,
      nationalIdType: 'pesel',
      nationalId: REGISTRATION.pesel,
      contractEmail: REGISTRATION.email,
      address: home,
      eInvoice: false,
      marketing: {},
      preferences: preferences(false),
      ...terms(clock),
    },
    contracts: [contract({ id: 'ctr_k_0001', number: 'UE/2016/000042', kind: 'electricity', product: 'Prąd Prosty G11', tariff: 'G11', startDate: '2016-05-01', endDate: null, status: 'active' })],
    points: [buildPoint(flat, clock)],
    consumption: history.consumption,
    readings: history.readings,
    documents: () => billing().documents,
    payments: () => billing().payments,
    tickets: [],
    attachments: new Map(),
    messages: [],
  };
}

/** A customer of the energy utility with an account and nothing else (no points, documents or messages). */
function bare(clock: DayClock, key: PersonaKey, what: string, customer: Pick<Customer, 'id' | 'number' | 'firstName' | 'lastName' | 'nationalId'> & { address: Customer['address'] }, login: Account): Persona {
  return {
    key,
    what,
    worlds: 'server and mocks',
    utility: ENERGIA,
    account: login,
    customer: { kind: 'person', companyName: null, nationalIdType: 'pesel', contractEmail: login.login, eInvoice: false, marketing: {}, preferences: preferences(false), ...terms(clock), ...customer },
    contracts: [],
    points: [],
    consumption: () => [],
    readings: () => [],
    documents: () => [],
    payments: () => [],
    tickets: [],
    attachments: new Map(),
    messages: [],
  };
}

export function nieaktywne(clock: DayClock): Persona {
  return bare(
    clock,
    'nieaktywne',
    'konto nieaktywowane: właściwe hasło daje 403 account_not_activated',
    { id: 'cust_nieaktywne', number: '1200000058', firstName: 'Katarzyna', lastName: 'Wójcik', nationalId: makePesel(1978, 6, 30, 5528), address: address('ul. Jasna', '3', null, '44-100', 'Gliwice') },
    account(clock, { userId: 'usr_nieaktywne', login: 'nieaktywne@example.com', status: 'pending', createdAt: clock.at(-2) }),
  );
}

export function jednorazowe(clock: DayClock): Persona {
  return bare(
    clock,
    'jednorazowe',
    `hasło jednorazowe ${ONE_TIME_PASSWORD} do zmiany przy pierwszym logowaniu (403 password_change_required)`,
    { id: 'cust_jednorazowe', number: '1200000066', firstName: 'Marek', lastName: 'Kamiński', nationalId: makePesel(1969, 9, 2, 7015), address: address('ul. Polna', '17', null, '44-102', 'Gliwice') },
    account(clock, { userId: 'usr_jednorazowe', login: 'jednorazowe@example.com', password: ONE_TIME_PASSWORD, mustChangePassword: true }),
  );
}

export function zablokowane(clock: DayClock): Persona {
  return bare(
    clock,
    'zablokowane',
    'konto zablokowane: właściwe hasło daje to samo 401 invalid_credentials co błędne',
    { id: 'cust_zablokowane', number: '1200000074', firstName: 'Agnieszka', lastName: 'Lewandowska', nationalId: makePesel(1995, 1, 17, 3342), address: address('ul. Krótka', '2', '5', '44-103', 'Gliwice') },
    account(clock, { userId: 'usr_zablokowane', login: 'zablokowane@example.com', lockedUntil: clock.at(3650) }),
  );
}
