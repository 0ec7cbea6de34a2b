/** Small helpers: money, identifiers, random tokens, password hashes. */
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

// ---------- identifiers ----------
export function peselValid(pesel: string): boolean {
  if (!/^\d{11}$/.test(pesel)) return false;
  const w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  const digits = [...pesel].map(Number);
  const sum = w.reduce((acc, weight, i) => acc + weight * (digits[i] ?? 0), 0);
  if ((10 - (sum % 10)) % 10 !== digits[10]) return false;
  let year = Number(pesel.slice(0, 2));
  let month = Number(pesel.slice(2, 4));
  const day = Number(pesel.slice(4, 6));
  const centuries: [number, number][] = [[80, 1800], [0, 1900], [20, 2000], [40, 2100], [60, 2200]];
  const c = centuries.find(([add]) => month > add && month <= add + 12);
  if (!c) return false;
  month -= c[0];
  year += c[1];
  const dt = new Date(Date.UTC(year, month - 1, day));
  return dt.getUTCFullYear() === year && dt.getUTCMonth() === month - 1 && dt.getUTCDate() === day;
}

export function normalizeNip(nip: string): string {
  return nip.replace(/^PL/i, '').replace(/[-\s]/g, '');
}

export function nipValid(nip: string): boolean {
  const n = normalizeNip(nip);
  if (!/^\d{10}$/.test(n)) return false;
  const w = [6, 5, 7, 2, 3, 4, 5, 6, 7];
  const digits = [...n].map(Number);
  const sum = w.reduce((acc, weight, i) => acc + weight * (digits[i] ?? 0), 0) % 11;
  return sum !== 10 && sum === digits[9];
}

/** GS1 mod-10 check digit for the digits given (weights 3,1 from the right). */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  const digits = [...body].reverse();
  digits.forEach((ch, i) => {
    sum += Number(ch) * (i % 2 === 0 ? 3 : 1);
  });
  return (10 - (sum % 10)) % 10;
}

export function ppeValid(code: string): boolean {
  return /^590\d{15}$/.test(code) && gs1CheckDigit(code.slice(0, 17)) === Number(code[17]);
}

export function makePpe(serial: number): string {
  const body = `5902438${String(serial).padStart(10, '0')}`;
  return body + String(gs1CheckDigit(body));
}

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
