import { fixtureCleanup } from '@open-wc/testing';
import { resetClients } from '../../src/api/registry.js';
import { resetPaymentReturn } from '../../src/kit/payment-return.js';

/**
 * A clean page for the next test: first the widgets the test put on it are removed, then the page's API
 * clients and defaults are forgotten. In that order, so that no widget is left holding a client whose
 * session was closed (open-wc's own fixture cleanup runs only after the test's `afterEach`). A payment return read
 * by an earlier test is forgotten too.
 */
export function resetPage(): void {
  fixtureCleanup();
  resetClients();
  resetPaymentReturn();
}

/**
 * The device says it is offline (`navigator.onLine === false`) until the returned function puts the real value back;
 * call that in the test when the connection returns, and again in `afterEach` (a second call does nothing).
 */
export function deviceOffline(): () => void {
  const own = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    Object.defineProperty(navigator, 'onLine', own);
  };
}
