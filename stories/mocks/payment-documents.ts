/**
 * The payment history's documents (`documents: [{ id, number, type }]` beside `documentIds`, in the same order):
 * an optional field of a payment that the contract is gaining. Until the default handlers answer it, this wraps
 * them: `GET /payments` is answered by the handlers given, then each payment gets the numbers of its documents
 * from the persona's own documents. A payment with a document the persona does not have keeps the ids alone,
 * as an older API would answer (the widget then says "for N documents").
 *
 * Kept apart from resolvers.ts and data.ts on purpose: when the default mock answers `documents` itself, delete
 * this file and its uses in stories/payment-history.stories.ts.
 */
import { getResponse, http, HttpResponse, type HttpHandler } from 'msw';
import { persona, type PersonaKey, type Schemas } from '../../demo/personas/index.js';
import { normalizeBase } from './operations.js';

type PaymentDocument = { id: string; number: string; type: Schemas['DocumentType'] };
type PaymentWithDocuments = Schemas['Payment'] & { documents?: PaymentDocument[] };

/** `handlers` with `GET /payments` answering each payment's `documents` from `who`'s documents (built once). */
export function withPaymentDocuments(handlers: HttpHandler[], who: PersonaKey = 'energia', base = '/api/v1'): HttpHandler[] {
  let numbers: Map<string, PaymentDocument> | undefined;
  const lookup = () => (numbers ??= new Map(persona(who).documents().map((d) => [d.id, { id: d.id, number: d.number, type: d.type }])));
  const payments = http.get(`${normalizeBase(base)}/payments`, async ({ request }) => {
    const answer = await getResponse(handlers, request);
    if (!answer?.ok) return answer;
    const page = (await answer.clone().json()) as { items: PaymentWithDocuments[] };
    const docs = lookup();
    for (const payment of page.items) {
      const found = payment.documentIds.map((id) => docs.get(id));
      if (found.every((d): d is PaymentDocument => d !== undefined)) payment.documents = found;
    }
    const cacheControl = answer.headers.get('Cache-Control');
    return HttpResponse.json(page, { status: answer.status, ...(cacheControl ? { headers: { 'Cache-Control': cacheControl } } : {}) });
  });
  return [payments, ...handlers];
}
