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
