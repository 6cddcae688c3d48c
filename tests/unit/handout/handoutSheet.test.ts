import jsQR from 'jsqr';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderHandoutSheet } from '#electron/services/handout/handoutSheet.ts';
import { hasPdftoppm, rasterise, readPdf, type RasterPage } from '../../support/packPdf.ts';

/** The pixels of a rectangle of a page (in points), as RGBA for jsQR. */
function crop(page: RasterPage, dpi: number, x: number, y: number, width: number, height: number) {
  const k = dpi / 72;
  const [left, top, w, h] = [Math.round(x * k), Math.round(y * k), Math.round(width * k), Math.round(height * k)];
  const rgba = new Uint8ClampedArray(w * h * 4);
  for (let row = 0; row < h; row++) {
    for (let col = 0; col < w; col++) {
      const from = ((top + row) * page.width + left + col) * 3;
      const to = (row * w + col) * 4;
      rgba[to] = page.data[from] as number;
      rgba[to + 1] = page.data[from + 1] as number;
      rgba[to + 2] = page.data[from + 2] as number;
      rgba[to + 3] = 255;
    }
  }
  return { rgba, w, h };
}

const cards = Array.from({ length: 9 }, (_, i) => ({
  business: `UMKM Nomor ${i + 1}`,
  product: `Produk ${i + 1}`,
  url: `http://192.168.43.17:4790/p/${String(i).padStart(32, 'A')}`,
  code: `AC${i}-XYZ`,
}));

describe('the sheet of QR cards', () => {
  it('puts eight cards on an A4 page with business, product, code, time limit and address, and the ninth on a second page', async () => {
    const pdf = await renderHandoutSheet({ cards, language: 'id', origin: 'http://192.168.43.17:4790', expiresAt: Date.parse('2026-12-07T16:30:00+07:00'), pageSize: 'A4' });
    const text = await readPdf(pdf);
    expect(text.pages).toHaveLength(2);
    expect(text.pageSizes[0]?.map(Math.round)).toEqual([595, 842]);
    for (const card of cards.slice(0, 8)) {
      expect(text.pages[0]).toContain(card.business);
      expect(text.pages[0]).toContain(card.product);
      expect(text.pages[0]).toContain(`Kode: ${card.code}`);
    }
    expect(text.pages[1]).toContain('UMKM Nomor 9');
    expect(text.pages[1]).not.toContain('UMKM Nomor 8');
    expect(text.pages[0]).toContain('Halaman 1 dari 2');
    expect(text.pages[0]).toContain('http://192.168.43.17:4790');
    expect(text.pages[0]).toContain('Pindai dengan kamera ponsel');
    expect(text.info.Title).toBe('Kartu QR paket masukan');
  });

  it('speaks English when asked', async () => {
    const pdf = await renderHandoutSheet({ cards: cards.slice(0, 1), language: 'en', origin: 'http://10.0.0.2:4790', expiresAt: Date.now() + 3_600_000, pageSize: 'A4' });
    const text = await readPdf(pdf);
    expect(text.all).toContain('Scan with your phone’s camera');
    expect(text.all).toContain('Code: AC0-XYZ');
  });

  it.skipIf(!hasPdftoppm)('prints QR codes a camera reads back as each card’s own link', async () => {
    const pdf = await renderHandoutSheet({ cards, language: 'id', origin: 'http://192.168.43.17:4790', expiresAt: Date.now() + 3_600_000, pageSize: 'A4' });
    const dpi = 150;
    const [first] = await rasterise(pdf, join(tmpdir(), 'kemas-handout-sheet-test'), 'sheet', dpi);
    if (!first) throw new Error('no page');
    // The card grid of handoutSheet.ts: 28 pt margins, a 46 pt header, 2 × 4 cards.
    const cardWidth = (595.28 - 56) / 2;
    const cardHeight = (841.89 - 56 - 46) / 4;
    const read: string[] = [];
    for (let i = 0; i < 8; i++) {
      const { rgba, w, h } = crop(first, dpi, 28 + (i % 2) * cardWidth, 74 + Math.floor(i / 2) * cardHeight, cardWidth, cardHeight);
      read.push(jsQR(rgba, w, h)?.data ?? '');
    }
    expect(read).toEqual(cards.slice(0, 8).map((c) => c.url));
  });
});
