/// <reference types="node" />
// The conformance checks of points of delivery and contracts beyond their schemas (seed 004 "Punkty poboru",
// "Umowy"): what a point says of its supply agrees with itself and with the contracts, each contract answers its
// detail with its documents, a document downloads as a real PDF, and what is not the customer's answers 404.
import { asArray, asString, get, isObject, type JsonObject } from './contract.js';
import type { Client, Exchange } from './http.js';

/** What suite.ts lends these checks: its `check` in the group of signed-in operations, and its verdicts. */
export interface PointChecks {
  check: (id: string, title: string, body: () => Promise<string | void> | string | void) => Promise<boolean>;
  fail: (message: string, exchange?: Exchange) => never;
  skip: (message: string) => never;
  expectStatus: (exchange: Exchange, expected: number, what?: string) => void;
  expectProblem: (exchange: Exchange, status: number, codes: readonly string[], what?: string) => void;
}

/** The check ids, for the self-test's list of checks that must run. */
export const POINT_CHECK_IDS = ['points.supply', 'points.contracts', 'ops.getContract', 'ops.getContract.404', 'ops.getContractDocumentPdf', 'ops.getContractDocumentPdf.404'] as const;

const suffix = (): string => Math.random().toString(16).slice(2, 10);

export async function pointsAndContracts(t: PointChecks, c: Client, points: readonly JsonObject[], contractList: unknown): Promise<void> {
  const contracts = asArray(get(contractList, 'items')).filter(isObject);

  await t.check('points.supply', 'each point says its contracted power (electricity only), who reads it and how often coherently (remote: a smart meter)', () => {
    if (points.length === 0) t.skip('the customer has no points of delivery');
    for (const p of points) {
      const id = String(p.id);
      if (p.kind !== 'electricity' && p.contractedPower !== null) t.fail(`${id} (${String(p.kind)}) has contractedPower ${JSON.stringify(p.contractedPower)}; only electricity has one`);
      if (typeof p.contractedPower === 'string' && !(Number(p.contractedPower) > 0)) t.fail(`${id} has contractedPower ${p.contractedPower}, not a positive number of kW`);
      const smart = asArray(p.meters).some((m) => get(m, 'smart') === true);
      if (p.readingMode === 'remote' && !smart) t.fail(`${id} is read remotely but none of its meters is smart`);
    }
    return `${points.length} points`;
  });

  await t.check('points.contracts', 'every point names a contract of the list (or none), and every contract lists exactly its points', () => {
    if (contracts.length === 0) t.skip('the customer has no contracts');
    const ids = new Set(contracts.map((k) => String(k.id)));
    for (const p of points) {
      const named = asString(p.contractId);
      if (named !== undefined && !ids.has(named)) t.fail(`point ${String(p.id)} names contract ${named}, which GET /contracts does not list`);
    }
    for (const k of contracts) {
      const listed = asArray(k.pointIds).map(String).sort();
      const naming = points.filter((p) => p.contractId === k.id).map((p) => String(p.id)).sort();
      if (JSON.stringify(listed) !== JSON.stringify(naming)) t.fail(`contract ${String(k.id)} lists points ${JSON.stringify(listed)}, while ${JSON.stringify(naming)} name it`);
    }
  });

  let withDocument: { contractId: string; documentId: string; number: string } | undefined;
  await t.check('ops.getContract', 'GET /contracts/{contractId} answers each contract as the list does, with its documents', async () => {
    if (contracts.length === 0) t.skip('the customer has no contracts');
    for (const k of contracts.slice(0, 5)) {
      const exchange = await c.call('getContract', { params: { contractId: String(k.id) } });
      t.expectStatus(exchange, 200, String(k.id));
      for (const field of ['id', 'number', 'kind', 'product', 'tariff', 'startDate', 'endDate', 'status']) {
        if (get(exchange.json, field) !== k[field]) t.fail(`${String(k.id)}: ${field} is ${JSON.stringify(get(exchange.json, field))}, the list says ${JSON.stringify(k[field])}`, exchange);
      }
      const documents = asArray(get(exchange.json, 'documents')).filter(isObject);
      if (new Set(documents.map((d) => d.id)).size !== documents.length) t.fail(`${String(k.id)}: two documents share an id`, exchange);
      const first = documents[0];
      if (first && !withDocument) withDocument = { contractId: String(k.id), documentId: String(first.id), number: String(k.number) };
    }
    return withDocument ? undefined : 'no contract has documents';
  });

  await t.check('ops.getContract.404', 'GET /contracts/{contractId} of an unknown id → 404 not_found', async () => {
    t.expectProblem(await c.call('getContract', { params: { contractId: `ctr_missing_${suffix()}` } }), 404, ['not_found']);
  });

  await t.check('ops.getContractDocumentPdf', 'GET /contracts/{contractId}/documents/{documentId} → a real PDF, as an attachment', async () => {
    if (!withDocument) t.skip('no contract has a document');
    const exchange = await c.call('getContractDocumentPdf', { params: { contractId: withDocument.contractId, documentId: withDocument.documentId } });
    t.expectStatus(exchange, 200);
    if (!/^application\/pdf\b/i.test(exchange.contentType)) t.fail(`Content-Type is ${exchange.contentType}`, exchange);
    if (!exchange.text.startsWith('%PDF-')) t.fail(`the body starts with ${JSON.stringify(exchange.text.slice(0, 8))}`, exchange);
    if (!exchange.text.trimEnd().endsWith('%%EOF')) t.fail('the body does not end with %%EOF: not a whole PDF', exchange);
    const disposition = exchange.headers.get('content-disposition') ?? '';
    if (!/^attachment\b/i.test(disposition) || !/filename/i.test(disposition)) t.fail(`Content-Disposition is ${JSON.stringify(disposition)}, not an attachment with a file name`, exchange);
    return `${withDocument.number}, ${exchange.bytes.length} bytes`;
  });

  await t.check('ops.getContractDocumentPdf.404', "a document under another contract, or an unknown one → 404 not_found (never another contract's file)", async () => {
    if (!withDocument) t.skip('no contract has a document');
    t.expectProblem(await c.call('getContractDocumentPdf', { params: { contractId: withDocument.contractId, documentId: `cdoc_missing_${suffix()}` } }), 404, ['not_found'], 'an unknown document');
    t.expectProblem(await c.call('getContractDocumentPdf', { params: { contractId: `ctr_missing_${suffix()}`, documentId: withDocument.documentId } }), 404, ['not_found'], 'an unknown contract');
    const other = contracts.find((k) => String(k.id) !== withDocument?.contractId);
    if (other) {
      const exchange = await c.call('getContractDocumentPdf', { params: { contractId: String(other.id), documentId: withDocument.documentId } });
      t.expectProblem(exchange, 404, ['not_found'], `${withDocument.documentId} of ${withDocument.contractId} asked under ${asString(other.id) ?? ''}`);
    }
  });
}
