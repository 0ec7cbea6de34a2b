import { expect } from '@open-wc/testing';
import { filenameFromDisposition, readFile, safeFilename, type DownloadProgress } from '../../src/kit/file.js';

describe('files (kit/file)', () => {
  it('takes the name of Content-Disposition, the UTF-8 one first, without a path', () => {
    expect(filenameFromDisposition('attachment; filename="FV_2026_03_000412.pdf"')).to.equal('FV_2026_03_000412.pdf');
    expect(filenameFromDisposition(`attachment; filename="Faktura.pdf"; filename*=UTF-8''Faktura%20%C5%BC%C3%B3%C5%82ta.pdf`)).to.equal('Faktura żółta.pdf');
    expect(filenameFromDisposition('attachment; filename=plain.pdf')).to.equal('plain.pdf');
    expect(filenameFromDisposition('attachment; filename="../../etc/passwd"')).to.equal('passwd');
    expect(filenameFromDisposition('attachment; filename="a:b*c?.pdf"')).to.equal('a_b_c_.pdf');
    expect(filenameFromDisposition('attachment')).to.equal(undefined);
    expect(filenameFromDisposition(null)).to.equal(undefined);
    expect(safeFilename('..')).to.equal(undefined);
  });

  it('reads a file in chunks, reporting progress against Content-Length', async () => {
    const seen: DownloadProgress[] = [];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(3));
        controller.enqueue(new Uint8Array(5));
        controller.close();
      },
    });
    const file = await readFile(new Response(body, { headers: { 'Content-Type': 'application/pdf', 'Content-Length': '8' } }), (p) => seen.push(p));
    expect(file.blob.size).to.equal(8);
    expect(file.type).to.equal('application/pdf');
    expect(seen).to.deep.equal([
      { loaded: 0, total: 8 },
      { loaded: 3, total: 8 },
      { loaded: 8, total: 8 },
    ]);
  });

  it('refuses a body shorter than its Content-Length (a cut connection) and a page where a file was due', async () => {
    const short = new Response(new Uint8Array(3), { headers: { 'Content-Type': 'application/pdf', 'Content-Length': '10' } });
    // The browser itself refuses a body that ends before its declared length; either way no file comes out.
    let failed = false;
    await readFile(short).catch(() => (failed = true));
    expect(failed).to.equal(true);
    let html = false;
    await readFile(new Response('<html></html>', { headers: { 'Content-Type': 'text/html' } })).catch(() => (html = true));
    expect(html).to.equal(true);
  });
});
