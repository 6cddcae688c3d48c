import { describe, expect, it } from 'vitest';
import { ok, err } from '#shared/contract/result.ts';
import { takeOpenedFiles } from '#renderer/src/features/bundles/openedFiles.ts';
import { createI18n } from '#renderer/src/i18n/i18n.ts';

/** What the desktop handed over, as the host's `files.opened` answers it. */
async function take(answer: Parameters<typeof ok>[0] | null, language: 'id' | 'en' = 'id') {
  const t = (await createI18n(language)).t;
  const offered: File[] = [];
  const told: string[] = [];
  const count = await takeOpenedFiles({
    fetch: async () => (answer === null ? err('internal', 'Host unreachable') : ok(answer as never)),
    offer: (file) => offered.push(file),
    tell: (message) => told.push(message),
    t,
  });
  return { count, offered, told };
}

describe('files opened from the desktop', () => {
  it('offers each double-clicked bundle to the import dialog with its name and bytes', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x05, 0x06]);
    const { count, offered, told } = await take({
      files: [
        { name: 'Lokakarya Malang 2026-11-28.kemas', bytes },
        { name: 'Penilaian Dewi.kemas', bytes: new Uint8Array([1, 2, 3]) },
      ],
      refused: [],
    });
    expect(count).toBe(2);
    expect(offered.map((f) => f.name)).toEqual(['Lokakarya Malang 2026-11-28.kemas', 'Penilaian Dewi.kemas']);
    expect(new Uint8Array(await offered[0]!.arrayBuffer())).toEqual(bytes);
    expect(told).toEqual([]);
  });

  it('names every file the host could not hand over, with its reason, in the UI language', async () => {
    const refused = [
      { name: 'besar.kemas', reason: 'too-large' },
      { name: 'hilang.kemas', reason: 'missing' },
    ];
    const id = await take({ files: [], refused });
    expect(id.offered).toEqual([]);
    expect(id.told).toEqual([expect.stringMatching(/^besar\.kemas lebih besar dari 1 GB/), expect.stringMatching(/^hilang\.kemas tidak ditemukan/)]);
    const en = await take({ files: [], refused }, 'en');
    expect(en.told[0]).toMatch(/^besar\.kemas is larger than 1 GB/);
  });

  it('says so when the host cannot be asked, and offers nothing', async () => {
    const { count, told } = await take(null);
    expect(count).toBe(0);
    expect(told).toEqual([expect.stringContaining('tidak dapat diambil')]);
  });
});
