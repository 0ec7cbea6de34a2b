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
