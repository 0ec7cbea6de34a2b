/**
 * Talking to the reference API server in integration tests: its API base (started by
 * web-test-runner.config.mjs), signing in as a demo customer with a real cookie, and the outbox.
 */
import { configure, getClient } from '../../src/api/registry.js';
import type { EbokClient } from '../../src/api/client.js';
import { resetPage } from './page.js';

export const DEMO_PASSWORD = 'Demo-Haslo-2026';

let base: string | undefined;

export async function referenceApiBase(): Promise<string> {
  if (!base) {
    const info = (await (await fetch('/__ebok/server.json')).json()) as { apiBase?: string };
    if (!info.apiBase) throw new Error('The reference server is not running (see web-test-runner.config.mjs)');
    base = info.apiBase;
  }
  return base;
}

/** A fresh page-default client for the reference server, signed in as `email` (logging out whoever was). */
export async function signInAs(email: string, password = DEMO_PASSWORD): Promise<EbokClient> {
  resetPage();
  const apiBase = await referenceApiBase();
  configure({ apiBase });
  const client = getClient()!;
  await client.session.ready().catch(() => undefined);
  if (client.session.signedIn) await client.session.logout();
  const answer = await client.post('/auth/login', { body: { identifier: email, password } });
  if (answer.status !== 'signed_in') throw new Error(`${email} did not sign in directly (${answer.status})`);
  client.signedIn(answer.session);
  return client;
}

/** The messages the reference server "sent" to `to`, newest first. */
export async function outbox(to: string): Promise<{ subject: string; body: string; links: string[]; code?: string }[]> {
  const origin = new URL(await referenceApiBase()).origin;
  const response = await fetch(`${origin}/api/test/outbox?to=${encodeURIComponent(to)}`);
  return (await response.json()) as { subject: string; body: string; links: string[]; code?: string }[];
}

/** The reference server's test hooks (under /api/test/, beside the API). */
async function testHook(path: string): Promise<void> {
  const origin = new URL(await referenceApiBase()).origin;
  const response = await fetch(`${origin}/api/test/${path}`, { method: 'POST' });
  if (!response.ok) throw new Error(`test hook ${path} answered ${response.status}`);
}

/** Lets every unused reset and activation link of `email` run out now, as if its lifetime had passed. */
export const expireLinks = (email: string): Promise<void> => testHook(`expire-links?to=${encodeURIComponent(email)}`);

/** Lifts every lockout and throttle (after a test that provoked them). */
export const resetThrottles = (): Promise<void> => testHook('reset-throttles');

/** Undoes a payment a test made, so the demo customer's balance is as the seed left it. */
export const undoPayment = (id: string): Promise<void> => testHook(`undo-payment?id=${encodeURIComponent(id)}`);
/** Deletes a reading a test sent (the reference server's test hook). */
export const undoReading = (id: string): Promise<void> => testHook(`undo-reading?id=${encodeURIComponent(id)}`);
/** Deletes a ticket a test created, with its thread and files (the reference server's test hook). */
export const undoTicket = (id: string): Promise<void> => testHook(`undo-ticket?id=${encodeURIComponent(id)}`);
/** Withdraws an account removal request a test filed (the reference server's test hook). */
export const undoAccountRemoval = (id: string): Promise<void> => testHook(`undo-account-removal?id=${encodeURIComponent(id)}`);
/** Deletes a tariff change request a test filed, so the point may get one again (the reference server's test hook). */
export const undoTariffChange = (id: string): Promise<void> => testHook(`undo-tariff-change?id=${encodeURIComponent(id)}`);
/** A consultant answers the ticket, as the utility's back office would (the ticket then waits for the customer). */
export const consultantReply = (ticketId: string, text: string): Promise<void> =>
  testHook(`consultant-reply?ticket=${encodeURIComponent(ticketId)}&text=${encodeURIComponent(text)}`);
/** Marks a message unread again after a test opened it (the reference server's test hook). */
export const unreadMessage = (id: string): Promise<void> => testHook(`unread-message?id=${encodeURIComponent(id)}`);

/**
 * What a test changed on the shared reference server, undone after it whatever its outcome (register with
 * `later(() => …)`, call `run()` in `afterEach`), so integration tests do not depend on their order.
 */
export function cleanups(): { later(undo: () => Promise<unknown>): void; run(): Promise<void> } {
  const pending: (() => Promise<unknown>)[] = [];
  return {
    later: (undo) => void pending.push(undo),
    async run() {
      while (pending.length) await pending.pop()!();
    },
  };
}

/** Sets `email`'s password back to the demo password (signing in with `current`). */
export async function restorePassword(email: string, current: string): Promise<void> {
  const client = await signInAs(email, current);
  await client.post('/auth/password', {
    params: { header: { 'Idempotency-Key': crypto.randomUUID() } },
    body: { currentPassword: current, newPassword: DEMO_PASSWORD },
  });
  await client.session.logout();
}
