/**
 * The shape of the demo world: utilities, personas and what each persona has, typed with the contract's schemas
 * (src/api/schema.d.ts) wherever the API shows the thing as it is. Amounts the worlds compute with are integer
 * grosze; instants the reference server stores are `Date`s; calendar days are Polish `YYYY-MM-DD` strings.
 */
import type { components } from '../../src/api/schema.js';
import type { MarketingChoices } from './consents.js';

/** The contract's schemas. */
export type Schemas = components['schemas'];

export type UtilityId = 'util_energia' | 'util_gaz' | 'util_woda';

/**
 * Where a utility's own website has the pages its e-mails link to. Each utility has its own site (its own domain in
 * production, so each value may be an absolute URL); a path is taken on the server's public origin
 * (`EBOK_PUBLIC_ORIGIN`), which is how the three demo sites share one origin. The reference server builds every link
 * of every e-mail from these, so a gas customer's e-mail opens the gas company's pages, in its theme and with its
 * password policy (`GET /portal-config` answers the utility whose page is asking).
 */
export interface UtilitySite {
  /** The eBOK start page (a payment's details). */
  readonly portal: string;
  /** The page with `<ebok-login>` ("Przejdź do logowania"). */
  readonly login: string;
  /** The page with `<ebok-password-reset>`: with `?token=` from a reset e-mail; without one it asks for a link. */
  readonly passwordReset: string;
  /** The page with `<ebok-activation>`, opened with `?token=` from an activation e-mail. */
  readonly activation: string;
  /** The page with `<ebok-register>` (the login's "Załóż konto"): it must get this utility's password policy. */
  readonly register?: string;
  /** The page with `<ebok-invoice-list>` (the balance tile's "Szczegóły salda"): it must get this utility's portal. */
  readonly documents?: string;
  /** The page with `<ebok-ticket-form>` and `<ebok-tickets>` (the invoice list's "Reklamuj"). */
  readonly tickets?: string;
  /** The page with `<ebok-messages>`. */
  readonly messages?: string;
  /** The "my data" page with `<ebok-profile>`: the e-mailed link that confirms a new address opens it with `?ebok-email-token=`. */
  readonly profile?: string;
  /** The page with `<ebok-points>`, `<ebok-contracts>` and `<ebok-tariff-change>`. */
  readonly contracts?: string;
}

/** One of the three demo utilities and its portal: GET /portal-config answers `config` as it is. */
export interface Utility {
  readonly id: UtilityId;
  readonly kind: 'electricity' | 'gas' | 'water';
  readonly name: string;
  /** The utility's account for bank transfers (NRB, 26 digits), checked with `validateBankAccount`. */
  readonly bankAccount: string;
  readonly config: Schemas['PortalConfig'];
  /** The utility's own website: the targets of the links in its e-mails. */
  readonly site: UtilitySite;
}

/**
 * The demo personas. `energia`, `gaz`, `woda`, `firma` and `dwuetapowe` (2fa@example.com) are the demo logins;
 * `kowalski` is a customer without an account yet (for registration); `nieaktywne`, `jednorazowe` and
 * `zablokowane` are the accounts the login widget's special answers need.
 */
export type PersonaKey = 'energia' | 'gaz' | 'woda' | 'firma' | 'dwuetapowe' | 'kowalski' | 'nieaktywne' | 'jednorazowe' | 'zablokowane';

/** Where a persona lives: every persona is seeded by the reference server and served by the mocks alike. */
export type PersonaWorlds = 'server and mocks' | 'mocks only';

/** A login to the portal. */
export interface Account {
  readonly userId: string;
  /** The e-mail address that is the login (PESEL or NIP of the customer work too). */
  readonly login: string;
  readonly password: string;
  readonly phone: string | null;
  /** A second factor by SMS code at every sign-in. */
  readonly mfa: 'sms' | null;
  /** `pending`: registered, never activated (the right password answers `403 account_not_activated`). */
  readonly status: 'active' | 'pending';
  /** Signed up with a one-time password that must be changed (`403 password_change_required`). */
  readonly mustChangePassword: boolean;
  /** Locked until then: the right password answers `401 invalid_credentials`, as a wrong one does. */
  readonly lockedUntil: Date | null;
  readonly createdAt: Date;
}

/** The utility's customer: a person (PESEL) or a business (NIP). */
export interface Customer {
  readonly id: string;
  readonly number: string;
  readonly kind: Schemas['CustomerKind'];
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly companyName: string | null;
  readonly nationalIdType: 'pesel' | 'nip';
  readonly nationalId: string;
  /** A business's REGON (statistical number), shown in its profile. */
  readonly regon?: string;
  /** The e-mail in the contract (the water utility wants the registration e-mail to match it). */
  readonly contractEmail: string;
  readonly address: Schemas['Address'];
  readonly eInvoice: boolean;
  /** Each marketing consent given or withdrawn, with its moment (demo/personas/consents.ts). */
  readonly marketing: MarketingChoices;
  readonly preferences: Schemas['NotificationPreferences'];
  readonly termsVersion: string;
  readonly termsAcceptedAt: Date;
  readonly consentsUpdatedAt: Date;
}

/** A reading window that recurs: open `length` days every `period` days from `anchor` (a calendar day). */
export interface WindowPlan {
  readonly anchor: string;
  readonly length: number;
  readonly period: number;
}

/** What the billing system knows of a register beyond the contract's `Register`. */
export interface RegisterPlan {
  readonly id: string;
  /** Expected use per day this month, in the register's unit (for the plausible range of a reading). */
  readonly dailyUsage: number;
  /** Price of one unit in PLN (for the estimated amount of a settlement reading). */
  readonly unitPrice: number;
}

/** A point of delivery as the API shows it, with its reading window and the billing figures of its registers. */
export interface PersonaPoint {
  readonly point: Schemas['PointOfDelivery'];
  readonly window: WindowPlan;
  readonly registers: readonly RegisterPlan[];
}

/**
 * A contract as the reference server stores it, with its documents (`getContract`); `pointIds` of the API are the
 * points that name it.
 */
export type PersonaContract = Omit<Schemas['Contract'], 'pointIds'> & { readonly documents: readonly Schemas['ContractDocument'][] };

/** One register's consumption in one month (`month` is its first day). */
export interface MonthlyValue {
  readonly registerId: string;
  readonly pointId: string;
  readonly month: string;
  readonly value: number;
  readonly estimated: boolean;
}

/** A meter reading with the value of each register (decimals as the register has them). */
export interface PersonaReading {
  readonly id: string;
  readonly pointId: string;
  readonly readAt: Date;
  readonly kind: Schemas['ReadingKind'];
  readonly status: Schemas['Reading']['status'];
  readonly byCustomer: boolean;
  readonly createdAt: Date;
  readonly values: readonly { readonly registerId: string; readonly value: string }[];
}

/** A financial document, in grosze. `remaining` is `gross - paid`; its status follows from the day. */
export interface PersonaDocument {
  readonly id: string;
  readonly number: string;
  readonly type: Schemas['DocumentType'];
  readonly issueDate: string;
  readonly dueDate: string;
  readonly periodFrom: string | null;
  readonly periodTo: string | null;
  readonly net: number;
  readonly vat: number;
  readonly gross: number;
  readonly paid: number;
  readonly correctsId: string | null;
  readonly hasPdf: boolean;
  readonly pointIds: readonly string[];
  readonly lines: readonly Schemas['DocumentLine'][];
}

/** A payment and what of it was allocated to which document; an unallocated rest lowers the balance. */
export interface PersonaPayment {
  readonly id: string;
  readonly status: Schemas['PaymentStatus'];
  readonly amount: number;
  readonly method: Schemas['PaymentRecordMethod'] | null;
  readonly scope: 'balance' | 'documents' | 'external';
  readonly documentIds: readonly string[];
  readonly createdAt: Date;
  readonly completedAt: Date | null;
  readonly expiresAt: Date | null;
  readonly allocations: readonly { readonly documentId: string; readonly amount: number; readonly on: string }[];
}

/** A public planned or ongoing interruption of supply; its API `status` follows from `now`. */
export interface PersonaOutage {
  readonly id: string;
  readonly kind: Schemas['UtilityKind'];
  readonly area: Schemas['OutageArea'];
  readonly streets: readonly string[];
  readonly startsAt: Date;
  readonly endsAt: Date | null;
  readonly reason: Schemas['LocalizedText'];
}

/** A demo persona laid out around one `now`. Large or slow parts are functions, computed once when asked. */
export interface Persona {
  readonly key: PersonaKey;
  /** One line in Polish: what the persona shows (the start banner and README list it). */
  readonly what: string;
  readonly worlds: PersonaWorlds;
  readonly utility: Utility;
  /** `null`: a customer with no account yet (registration). */
  readonly account: Account | null;
  readonly customer: Customer;
  readonly contracts: readonly PersonaContract[];
  readonly points: readonly PersonaPoint[];
  readonly consumption: () => readonly MonthlyValue[];
  readonly readings: () => readonly PersonaReading[];
  readonly documents: () => readonly PersonaDocument[];
  readonly payments: () => readonly PersonaPayment[];
  readonly tickets: readonly Schemas['TicketDetail'][];
  /** The bytes of each ticket attachment, by attachment id. */
  readonly attachments: ReadonlyMap<string, Uint8Array<ArrayBuffer>>;
  readonly messages: readonly Schemas['Message'][];
}

/** Everything the demo has at one `now`. */
export interface DemoWorld {
  readonly now: Date;
  /** The Polish calendar day of `now`. */
  readonly today: string;
  readonly utilities: readonly Utility[];
  readonly personas: { readonly [K in PersonaKey]: Persona };
  readonly outages: readonly PersonaOutage[];
}
