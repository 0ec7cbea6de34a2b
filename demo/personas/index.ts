/**
 * One world of demo fixtures: the utilities and the personas, built from a given `now`, for the reference
 * server's seed (demo/server/seed.ts), the MSW mocks (stories/mocks) and the unit tests' fixtures
 * (test/helpers/fake-api.ts).
 *
 * ```ts
 * import { demoWorld, persona, balanceOf, sessionOf } from '../demo/personas/index.js';
 * const jan = persona('energia', now);            // energia@example.com at `now`
 * balanceOf(jan, now).balance;                     // { amount: '245.67', currency: 'PLN' }
 * sessionOf(jan, now).absoluteTimeoutSeconds;      // 43200, the energy portal's
 * demoWorld(now).personas.firma.documents().length // 10000, generated on first use
 * ```
 *
 * Every date that depends on today (due dates, reading windows, outages, session deadlines, message dates) is
 * computed from `now` on the Polish calendar; identifiers are made and checked with src/validation.
 */
import { normalizeNip } from '../../src/validation/index.js';
import { dayClock } from './clock.js';
import { dwuetapowe } from './dwuetapowe.js';
import { energia } from './energia.js';
import { firma } from './firma.js';
import { gaz } from './gaz.js';
import { jednorazowe, kowalski, nieaktywne, zablokowane } from './others.js';
import { outages } from './outages.js';
import { UTILITIES } from './utilities.js';
import type { DayClock } from './clock.js';
import type { DemoWorld, Persona, PersonaKey } from './types.js';
import { woda } from './woda.js';

export type * from './types.js';
export { DEMO_PASSWORD } from './common.js';
export { initialTerms, MARKETING_CONSENTS, marketingConsentsOf, TERMS_VERSION, type MarketingChoices, type MarketingConsentId } from './consents.js';
export { ENERGIA_IDS } from './energia.js';
export { FIRMA_DOCUMENT_COUNT } from './firma.js';
export { ONE_TIME_PASSWORD, REGISTRATION } from './others.js';
export { ENERGIA, GAZ, WODA, UTILITIES, utility, utilityOfKind, withoutPayments, formatNrb } from './utilities.js';
export { money, grosze, amountOf, pln } from './money.js';
export { makeGsrn, makeNrb, makePesel } from './identifiers.js';
export { base64Bytes, makePdf, PNG_BASE64, JPEG_BASE64 } from './files.js';
export { dayClock, type DayClock } from './clock.js';
export { HOUSEHOLD_TARIFFS, isHouseholdTariff, tariffOptions, type HouseholdTariff, type ZoneUsage } from './tariffs.js';
export {
  allocatedTo,
  balanceOf,
  balanceOver,
  consentsOf,
  contractDetailOf,
  contractDocumentFileName,
  contractsOf,
  displayName,
  documentStatus,
  documentSummary,
  outageView,
  paymentView,
  pointsOf,
  profileOf,
  readingContext,
  readingsOf,
  readingWindow,
  remainingOf,
  sessionOf,
  unallocatedOf,
  windowView,
  type OpenAmount,
  type SessionTimes,
} from './rules.js';

const BUILDERS: { readonly [K in PersonaKey]: (clock: DayClock) => Persona } = {
  energia,
  gaz,
  woda,
  firma,
  dwuetapowe,
  kowalski,
  nieaktywne,
  jednorazowe,
  zablokowane,
};

/** Every persona, the demo logins first. */
export const PERSONA_KEYS = Object.keys(BUILDERS) as PersonaKey[];

/** The five demo logins of README "Run it" and of the start banner, in that order. */
export const DEMO_LOGIN_KEYS: readonly PersonaKey[] = ['energia', 'gaz', 'woda', 'firma', 'dwuetapowe'];

/** One persona at `now` (nothing else is built). */
export function persona(key: PersonaKey, now: Date = new Date()): Persona {
  return BUILDERS[key](dayClock(now));
}

/** The whole demo world at `now`. Personas are built on first access; their documents when first asked for. */
export function demoWorld(now: Date = new Date()): DemoWorld {
  const clock = dayClock(now);
  const built = new Map<PersonaKey, Persona>();
  const personas = {} as Record<PersonaKey, Persona>;
  for (const key of PERSONA_KEYS) {
    Object.defineProperty(personas, key, {
      enumerable: true,
      get: () => built.get(key) ?? built.set(key, BUILDERS[key](clock)).get(key)!,
    });
  }
  return { now, today: clock.today, utilities: UTILITIES, personas, outages: outages(clock) };
}

/** The demo logins with what each shows, for the start banner and the README. */
export function demoLogins(now: Date = new Date()): { email: string; what: string }[] {
  return DEMO_LOGIN_KEYS.map((key) => {
    const p = persona(key, now);
    return { email: p.account?.login ?? '', what: p.what };
  });
}

/**
 * The persona a login identifier names, as the reference server finds it: an e-mail (any case, trimmed) or
 * the PESEL / NIP of the customer (NIP with a `PL` prefix or dashes too). `undefined` when there is no account.
 */
export function personaKeyByLogin(identifier: string, now: Date = new Date()): PersonaKey | undefined {
  const text = identifier.trim();
  const email = text.includes('@') ? text.toLowerCase() : undefined;
  const digits = normalizeNip(text);
  const world = demoWorld(now);
  return PERSONA_KEYS.find((key) => {
    const p = world.personas[key];
    if (!p.account) return false;
    return email !== undefined ? p.account.login.toLowerCase() === email : /^\d{10,11}$/.test(digits) && p.customer.nationalId === digits;
  });
}

/** The public outages at `now`. */
export function outagesAt(now: Date = new Date()) {
  return outages(dayClock(now));
}
