/** Invoice PDFs with pdfkit: DejaVu Sans for Polish letters when installed, else Helvetica with transliteration. */
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { formatDatePl, formatPln, toCents } from './util.ts';

const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const FONT_BOLD = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';
const hasFont = existsSync(FONT);

const PL: Record<string, string> = { ą: 'a', ć: 'c', ę: 'e', ł: 'l', ń: 'n', ó: 'o', ś: 's', ź: 'z', ż: 'z', Ą: 'A', Ć: 'C', Ę: 'E', Ł: 'L', Ń: 'N', Ó: 'O', Ś: 'S', Ź: 'Z', Ż: 'Z', '–': '-', '„': '"', '”': '"', '\u00a0': ' ' };
const t = (s: string): string => (hasFont ? s : s.replace(/[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ–„”\u00a0]/g, (c) => PL[c] ?? c));

export interface InvoiceData {
  utilityName: string;
  number: string;
  type: string;
  issueDate: string;
  dueDate: string;
  periodFrom: string | null;
  periodTo: string | null;
  customer: { number: string; name: string; address: Record<string, string | null>; nip: string | null };
  points: { code: string; name: string }[];
  lines: { description: string; quantity: string | null; unit: string | null; net: string; vatRate: string; gross: string }[];
  net: string;
  vat: string;
  gross: string;
  paid: string;
  remaining: string;
}

const TITLES: Record<string, string> = { invoice: 'Faktura VAT', correction: 'Faktura korygująca', interest_note: 'Nota odsetkowa' };

export function invoicePdf(d: InvoiceData): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `${TITLES[d.type] ?? 'Dokument'} ${d.number}`, Author: d.utilityName } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    const regular = hasFont ? FONT : 'Helvetica';
    const bold = hasFont && existsSync(FONT_BOLD) ? FONT_BOLD : hasFont ? FONT : 'Helvetica-Bold';
    doc.font(bold).fontSize(18).text(t(`${TITLES[d.type] ?? 'Dokument'} nr ${d.number}`));
    doc.moveDown(0.3).font(regular).fontSize(10).text(t(`Sprzedawca: ${d.utilityName}`));
    doc.text(t(`Data wystawienia: ${formatDatePl(d.issueDate)}    Termin płatności: ${formatDatePl(d.dueDate)}`));
    if (d.periodFrom && d.periodTo) doc.text(t(`Okres rozliczeniowy: ${formatDatePl(d.periodFrom)} – ${formatDatePl(d.periodTo)}`));
    doc.moveDown();
    const a = d.customer.address;
    doc.font(bold).text(t('Nabywca'));
    doc.font(regular).text(t(d.customer.name));
    doc.text(t(`${a.street ?? a.city ?? ''} ${a.buildingNumber ?? ''}${a.apartmentNumber ? `/${a.apartmentNumber}` : ''}, ${a.postalCode ?? ''} ${a.city ?? ''}`));
    doc.text(t(`Numer klienta: ${d.customer.number}${d.customer.nip ? `    NIP: ${d.customer.nip}` : ''}`));
    for (const p of d.points) doc.text(t(`Punkt poboru: ${p.code} (${p.name})`));
    doc.moveDown();
    const cols = [50, 290, 350, 400, 460];
    const y0 = doc.y;
    doc.font(bold).fontSize(9);
    ['Pozycja', 'Ilość', 'VAT', 'Netto', 'Brutto'].forEach((h, i) => doc.text(t(h), cols[i], y0, { width: i === 0 ? 230 : 60 }));
    doc.moveTo(50, doc.y + 2).lineTo(545, doc.y + 2).stroke();
    doc.font(regular);
    for (const l of d.lines) {
      const y = doc.y + 6;
      doc.text(t(l.description), cols[0], y, { width: 230 });
      const yEnd = doc.y;
      doc.text(l.quantity ? t(`${l.quantity} ${l.unit ?? ''}`) : '–', cols[1], y, { width: 60 });
      doc.text(l.vatRate === 'zw' || l.vatRate === 'np' ? l.vatRate : `${l.vatRate}%`, cols[2], y, { width: 50 });
      doc.text(t(formatPln(toCents(l.net))), cols[3], y, { width: 60 });
      doc.text(t(formatPln(toCents(l.gross))), cols[4], y, { width: 80 });
      doc.y = Math.max(doc.y, yEnd);
    }
    doc.moveDown();
    doc.x = 50;
    doc.fontSize(10).text(t(`Razem netto: ${formatPln(toCents(d.net))}    VAT: ${formatPln(toCents(d.vat))}`), 50);
    doc.font(bold).fontSize(12).text(t(`Do zapłaty (brutto): ${formatPln(toCents(d.gross))}`), 50);
    doc.font(regular).fontSize(10).text(t(`Zapłacono: ${formatPln(toCents(d.paid))}    Pozostało: ${formatPln(toCents(d.remaining))}`), 50);
    doc.moveDown(2).fontSize(8).fillColor('#555').text(t('Dokument wygenerowany przez serwer demonstracyjny ebok-widgets. Dane są fikcyjne.'), 50);
    doc.end();
  });
}

export interface ContractDocumentData {
  utilityName: string;
  title: string;
  kind: string;
  signedDate: string | null;
  contract: { number: string; product: string; tariff: string; startDate: string; endDate: string | null };
  customer: { number: string; name: string };
  points: { code: string; name: string }[];
}

const KIND_NOTES: Record<string, string> = {
  contract: 'Strony zawierają umowę na warunkach określonych w ogólnych warunkach umowy i w cenniku.',
  annex: 'Niniejszy aneks zmienia umowę w zakresie opisanym w tytule; pozostałe postanowienia umowy nie ulegają zmianie.',
  price_list: 'Ceny netto i brutto obowiązujące w ramach produktu wskazanego w umowie.',
  terms: 'Ogólne warunki umowy: prawa i obowiązki stron, rozliczenia, reklamacje, rozwiązanie umowy.',
  other: 'Dokument do umowy.',
};

/** A contract's document (the contract, an annex, the terms, the price list) as a one-page PDF. */
export function contractDocumentPdf(d: ContractDocumentData): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `${d.title} – ${d.contract.number}`, Author: d.utilityName } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    const regular = hasFont ? FONT : 'Helvetica';
    const bold = hasFont && existsSync(FONT_BOLD) ? FONT_BOLD : hasFont ? FONT : 'Helvetica-Bold';
    const c = d.contract;
    doc.font(bold).fontSize(16).text(t(d.title));
    doc.moveDown(0.3).font(regular).fontSize(10).text(t(`Umowa nr ${c.number} – ${c.product}, taryfa ${c.tariff}`));
    doc.text(t(`Sprzedawca: ${d.utilityName}`));
    doc.text(t(`Klient: ${d.customer.name}, numer klienta ${d.customer.number}`));
    doc.text(t(`Obowiązuje od ${formatDatePl(c.startDate)} ${c.endDate ? `do ${formatDatePl(c.endDate)}` : 'na czas nieokreślony'}`));
    if (d.signedDate) doc.text(t(`Podpisano: ${formatDatePl(d.signedDate)}`));
    for (const p of d.points) doc.text(t(`Punkt poboru: ${p.code} (${p.name})`));
    doc.moveDown().fontSize(11).text(t(KIND_NOTES[d.kind] ?? KIND_NOTES.other!));
    doc.moveDown(2).fontSize(8).fillColor('#555').text(t('Dokument wygenerowany przez serwer demonstracyjny ebok-widgets. Dane są fikcyjne.'), 50);
    doc.end();
  });
}
