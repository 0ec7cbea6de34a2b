/** Small helpers: money, random tokens, password hashes. Identifiers are checked with src/validation. */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, createHash, randomInt } from 'node:crypto';

// ---------- time: the Polish calendar is src/i18n/calendar.ts, shared with the widgets and the mocks ----------

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function formatDatePl(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(d)}.${m}.${y}`;
}

// ---------- money (integer grosze) ----------
export function toCents(amount: string | number): number {
  const s = typeof amount === 'number' ? amount.toFixed(2) : amount;
  const neg = s.startsWith('-');
  const [i = '0', f = ''] = s.replace('-', '').split('.');
  const cents = Number(i) * 100 + Number((f + '00').slice(0, 2));
  return neg ? -cents : cents;
}

export function fromCents(cents: number): string {
  const neg = cents < 0;
  const a = Math.abs(Math.round(cents));
  return `${neg ? '-' : ''}${Math.floor(a / 100)}.${pad(a % 100)}`;
}

export function money(cents: number, currency = 'PLN'): { amount: string; currency: string } {
  return { amount: fromCents(cents), currency };
}

export function formatPln(cents: number): string {
  const s = fromCents(cents).replace('.', ',');
  const [i = '', f = ''] = s.replace('-', '').split(',');
  const grouped = i.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${cents < 0 ? '-' : ''}${grouped},${f}\u00a0zł`;
}

// ---------- identifiers: src/validation (validatePesel, validateNip, validatePpe, normalizeNip) ----------

// ---------- random tokens and hashes ----------
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function randomId(prefix: string, bytes = 9): string {
  return `${prefix}_${randomBytes(bytes).toString('base64url').replace(/[^A-Za-z0-9]/g, 'x')}`;
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('base64url');
}

export function sixDigitCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(sha256(a));
  const bb = Buffer.from(sha256(b));
  return timingSafeEqual(ab, bb) && a.length === b.length;
}

// ---------- passwords (scrypt) ----------
const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 };

function scrypt(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(password.normalize('NFC'), salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, maxmem: 64 * 1024 * 1024 }, (err, key) => {
      if (err) reject(err);
      else resolve(key);
    });
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, , , , saltB64, keyB64] = stored.split('$');
  if (scheme !== 'scrypt' || !saltB64 || !keyB64) return false;
  const expected = Buffer.from(keyB64, 'base64url');
  const key = await scrypt(password, Buffer.from(saltB64, 'base64url'));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

let dummyHash: Promise<string> | undefined;
/** A hash to verify against for unknown logins, so their timing matches known ones. */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomToken(16));
  return dummyHash;
}

// ---------- masking ----------
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  const dot = domain.lastIndexOf('.');
  const host = dot > 0 ? domain.slice(0, dot) : domain;
  const tld = dot > 0 ? domain.slice(dot) : '';
  const m = (s: string): string => (s.length <= 2 ? `${s[0] ?? ''}*` : `${s[0]}${'*'.repeat(s.length - 2)}${s[s.length - 1]}`);
  return `${m(local)}@${m(host)}${tld}`;
}

export function maskPhone(phone: string): string {
  return `${phone.slice(0, 3)} *** *** ${phone.slice(-3)}`;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** Folds case and Polish diacritics for searching. */
export function fold(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l');
}
