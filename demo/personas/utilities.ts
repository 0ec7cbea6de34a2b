/**
 * The three demo utilities and their portals: features, password policy, session timeouts, payments (cap and
 * fee note) and link lifetimes, one value each. GET /portal-config answers `config` in every world.
 */
import { initialTerms, marketingConsentKinds } from './consents.js';
import { makeNrb } from './identifiers.js';
import type { Schemas, Utility, UtilityId } from './types.js';

type PortalConfig = Schemas['PortalConfig'];

const helpline = (phone: string, email: string): PortalConfig['contact'] => ({
  phone,
  email,
  openingHours: { pl: 'Infolinia czynna w dni robocze 7:00–20:00, w soboty 8:00–14:00.', en: 'Helpline open on working days 7:00–20:00, on Saturdays 8:00–14:00.' },
});

type SharedPortal = Omit<PortalConfig, 'utilityName' | 'kinds' | 'contact' | 'theme'>;

/** What the energy and gas portals share. */
const ENERGY_PORTAL: SharedPortal = {
  features: { payments: true, readings: true, consumption: true, tickets: true, messages: true, registration: true, outages: true, mfa: true },
  loginIdentifierKinds: ['email', 'pesel_nip'],
  passwordPolicy: { minLength: 12, maxLength: 128, requireUpper: true, requireLower: true, requireDigit: true, requireSpecial: false },
  /** 72 hours. */
  activationLinkLifetimeSeconds: 259_200,
  /** 1 hour. */
  resetLinkLifetimeSeconds: 3600,
  readings: { photoAllowed: true, maxPhotoBytes: 5_242_880, plausibilityFactor: 2.5 },
  payments: {
    methods: ['blik', 'card', 'transfer'],
    perTransactionCap: { amount: '4300.00', currency: 'PLN' },
    feeNote: {
      pl: 'Płatność online jest bezpłatna dla klientów z e-fakturą; pozostali płacą prowizję według cennika operatora płatności.',
      en: 'Online payment is free for e-invoice customers; others pay a fee according to the payment operator’s price list.',
    },
  },
  /** Idle 15 minutes, absolute 12 hours. */
  session: { idleTimeoutSeconds: 900, absoluteTimeoutSeconds: 43_200 },
  locales: ['pl', 'en'],
  defaultLocale: 'pl',
  allowLegacyPointCodes: false,
  registrationEmailMustMatchContract: false,
  terms: initialTerms(),
  eInvoiceRequired: false,
  marketingConsents: marketingConsentKinds(),
};

/** A deep copy of the shared part, so no two configurations share an object that a test could change. */
const energyPortal = (): SharedPortal => structuredClone(ENERGY_PORTAL);

export const ENERGIA: Utility = {
  id: 'util_energia',
  kind: 'electricity',
  name: 'Energia Przykład S.A.',
  bankAccount: makeNrb('10901014', '0000071219812874'),
  site: { portal: '/', login: '/#konto', passwordReset: '/nowe-haslo.html', activation: '/aktywacja.html', register: '/rejestracja.html', documents: '/faktury.html', tickets: '/zgloszenia.html', messages: '/wiadomosci.html', profile: '/moje-dane.html', contracts: '/umowy.html' },
  config: {
    utilityName: 'Energia Przykład S.A.',
    kinds: ['electricity'],
    ...energyPortal(),
    contact: helpline('+48 800 000 000', 'bok@energia-przyklad.example.com'),
    theme: 'energy',
  },
};

export const GAZ: Utility = {
  id: 'util_gaz',
  kind: 'gas',
  name: 'Gaz Przykład sp. z o.o.',
  bankAccount: makeNrb('11402004', '0000350212345678'),
  site: { portal: '/gas.html', login: '/gas.html#konto', passwordReset: '/gas-nowe-haslo.html', activation: '/gas-aktywacja.html', register: '/gas-rejestracja.html', documents: '/gas-faktury.html' },
  config: {
    utilityName: 'Gaz Przykład sp. z o.o.',
    kinds: ['gas'],
    ...energyPortal(),
    contact: helpline('+48 800 000 001', 'bok@gaz-przyklad.example.com'),
    theme: 'gas',
  },
};

export const WODA: Utility = {
  id: 'util_woda',
  kind: 'water',
  name: 'Wodociągi Przykład sp. z o.o.',
  bankAccount: makeNrb('10202313', '0000390204512100'),
  site: { portal: '/water.html', login: '/water.html#konto', passwordReset: '/water-nowe-haslo.html', activation: '/water-aktywacja.html', register: '/water-rejestracja.html', documents: '/water-faktury.html' },
  config: {
    utilityName: 'Wodociągi Przykład sp. z o.o.',
    kinds: ['water'],
    features: { payments: true, readings: true, consumption: true, tickets: true, messages: true, registration: true, outages: true, mfa: false },
    loginIdentifierKinds: ['email', 'pesel_nip'],
    passwordPolicy: { minLength: 10, maxLength: 64, requireUpper: true, requireLower: true, requireDigit: true, requireSpecial: true },
    /** 24 hours. */
    activationLinkLifetimeSeconds: 86_400,
    resetLinkLifetimeSeconds: 3600,
    /** Water meters sit in basements and shafts: a photo (at most 3 MiB) spares the customer a meter reader's visit. */
    readings: { photoAllowed: true, maxPhotoBytes: 3_145_728, plausibilityFactor: 3 },
    payments: { methods: ['blik', 'transfer'], perTransactionCap: null, feeNote: null },
    /** Idle 10 minutes, absolute 8 hours. */
    session: { idleTimeoutSeconds: 600, absoluteTimeoutSeconds: 28_800 },
    locales: ['pl', 'en'],
    defaultLocale: 'pl',
    contact: { phone: '+48 32 000 00 00', email: 'ebok@wodociagi-przyklad.example.com', openingHours: { pl: 'Biuro Obsługi Klienta czynne pon.–pt. 7:30–15:30.', en: 'Customer office open Mon–Fri 7:30–15:30.' } },
    theme: 'water',
    allowLegacyPointCodes: true,
    registrationEmailMustMatchContract: true,
    terms: initialTerms(),
    /** Seed 003: using the water eBOK means e-invoices instead of paper ones (its terms, § 3). */
    eInvoiceRequired: true,
    marketingConsents: marketingConsentKinds(),
  },
};

/** The utilities, the energy one first (the portal a visitor who is not signed in sees). */
export const UTILITIES: readonly Utility[] = [ENERGIA, GAZ, WODA];

/** A utility by id. */
export function utility(id: UtilityId): Utility {
  return UTILITIES.find((u) => u.id === id) ?? ENERGIA;
}

/** A utility by the `?utility=` word of the demo pages (`energy`, `gas`, `water`) or by its kind. */
export function utilityOfKind(kind: string): Utility | undefined {
  const wanted = kind === 'energy' ? 'electricity' : kind;
  return UTILITIES.find((u) => u.kind === wanted || u.id === wanted);
}

/** A configuration with online payments switched off: no methods, no cap, no fee note. */
export function withoutPayments(config: PortalConfig): PortalConfig {
  return { ...config, features: { ...config.features, payments: false }, payments: { methods: [], perTransactionCap: null, feeNote: null } };
}

/** Groups an NRB as people write it: `61 1090 1014 0000 0712 1981 2874`. */
export function formatNrb(nrb: string): string {
  return `${nrb.slice(0, 2)} ${nrb.slice(2).replace(/(\d{4})(?=\d)/g, '$1 ')}`;
}
