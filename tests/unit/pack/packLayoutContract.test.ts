import { describe, expect, it } from 'vitest';
import { packRenderRequestSchema } from '#shared/contract/packRender.ts';
import { packSummaryRequestSchema } from '#shared/contract/packSummary.ts';
import { buildPackModel } from '#shared/pack/packModel.ts';
import { PACK_MESSAGES } from '#shared/pack/packText.ts';
import { packInput } from '../../support/packFixture.ts';

describe('the Ponsel layout at the host contract', () => {
  const model = buildPackModel(packInput(), { language: 'id', mode: 'combined' });
  const request = (pageSize: string) => ({ model, images: [], pageSize, zip: null });

  it('lets a critique pack be drawn for a phone, and refuses a layout nobody offers', () => {
    expect(packRenderRequestSchema.safeParse(request('Ponsel')).success).toBe(true);
    expect(packRenderRequestSchema.safeParse(request('A4')).success).toBe(true);
    expect(packRenderRequestSchema.safeParse(request('Tablet')).success).toBe(false);
  });

  it('keeps the curator’s summary report on paper', () => {
    const summary = packSummaryRequestSchema.shape.pageSize;
    expect(summary.safeParse('Letter').success).toBe(true);
    expect(summary.safeParse('Ponsel').success).toBe(false);
  });
});

describe('print readiness in plain words', () => {
  it('tells the owner what each print warning means without ICC, dpi or RGB, in both languages', () => {
    for (const language of ['id', 'en'] as const) {
      const words = PACK_MESSAGES[language].phone;
      for (const sentence of [...Object.values(words.printPlain), words.printPdf, words.printOk, words.printTitle, words.printIntro]) {
        expect(sentence).not.toMatch(/\b(ICC|dpi|RGB|CMYK)\b/i);
      }
    }
    expect(PACK_MESSAGES.id.phone.printPlain['no-profile']).toContain('Minta percetakan mencetak contoh dulu');
  });

  it('gives each face its plain sentences once, even when two warnings mean the same to the owner', () => {
    const model = buildPackModel(packInput(), { language: 'id', mode: 'combined' });
    const back = model.print.find((row) => row.warnings.length >= 2);
    expect(back).toBeDefined();
    expect(back?.plain.length).toBeGreaterThan(0);
    expect(new Set(back?.plain).size).toBe(back?.plain.length);
    for (const row of model.print) expect(row.plain.length === 0).toBe(row.warnings.length === 0 && row.note === null);
  });
});
