import { describe, expect, it } from 'vitest';
import { renderHandoutSheet } from '../../../electron/services/handout/handoutSheet.ts';
import { readPdf } from '../../support/packPdf.ts';

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
});
