/**
 * The mock answers of one contract with its documents (`getContract`) and of a document's PDF
 * (`getContractDocumentPdf`), from the signed-in persona as the reference server has them (demo/server/points.ts):
 * `undefined` for a contract or document that is not the persona's (the resolver answers `404`).
 */
import { HttpResponse } from 'msw';
import { contractDetailOf, contractDocumentFileName, formatNrb, makePdf, type Persona, type Schemas } from '../../demo/personas/index.js';

const KIND_WORDS: Record<Schemas['ContractDocumentKind'], string> = {
  contract: 'Umowa',
  annex: 'Aneks do umowy',
  price_list: 'Cennik',
  terms: 'Ogólne warunki umowy',
  other: 'Dokument do umowy',
};

/** One contract of the persona with its documents. */
export function contractOf(persona: Persona, contractId: string): Schemas['ContractDetail'] | undefined {
  return contractDetailOf(persona, contractId);
}

/** A real one-page PDF of a contract's document, with the server's file name, or undefined when it is not the persona's. */
export function contractDocumentPdf(persona: Persona, contractId: string, documentId: string): Response | undefined {
  const contract = contractDetailOf(persona, contractId);
  const document = contract?.documents.find((d) => d.id === documentId);
  if (!contract || !document) return undefined;
  const name = contractDocumentFileName(contract, document);
  const pdf = makePdf([
    `${persona.utility.name} – ${document.title}`,
    `${KIND_WORDS[document.kind]} do umowy nr ${contract.number} (${contract.product}, taryfa ${contract.tariff})`,
    `Klient: nr ${persona.customer.number}`,
    `Obowiązuje od ${contract.startDate}${contract.endDate ? ` do ${contract.endDate}` : ' na czas nieokreślony'}`,
    document.signedDate ? `Podpisano: ${document.signedDate}` : 'Dokument niepodpisywany',
    `Rachunek do wpłat: ${formatNrb(persona.utility.bankAccount)}`,
    'Dokument przykładowy wygenerowany przez atrapę API (MSW).',
  ]);
  return new HttpResponse(pdf, {
    status: 200,
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${name.ascii}"; filename*=UTF-8''${encodeURIComponent(name.utf8)}`,
      'Cache-Control': 'no-store',
    },
  });
}
