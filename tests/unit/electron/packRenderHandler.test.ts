import { describe, expect, it, vi } from 'vitest';
import { createHostHandlers, noDialogs, type PackRunner } from '#electron/services/hostHandlers.ts';
import { createSettingsService } from '#electron/services/settingsService.ts';
import { decodeFrame, encodeFrame } from '#shared/contract/binaryFrame.ts';
import { dispatch } from '#shared/contract/dispatch.ts';
import { PACK_RENDER_LIMITS, type PackRenderRequest } from '#shared/contract/packRender.ts';
import { buildPackModel } from '#shared/pack/packModel.ts';
import { packInput } from '../../support/packFixture.ts';
import { memoryStore } from './memoryStore.ts';

/** The host's handlers with a pack runner the test watches (the real one is tested in packPool.test.ts). */
function hostWith(pack: PackRunner) {
  return createHostHandlers({
    appInfo: { name: 'Kemas Studio', version: '0.1.0', host: 'browser', platform: 'linux', capabilities: { nativeDialogs: false } },
    settings: createSettingsService(memoryStore()),
    dialogs: noDialogs,
    ingest: async () => ({ ok: false, reason: 'empty', detail: 'not in this test' }),
    pack,
    summary: async () => {
      throw new Error('not in this test');
    },
  });
}

const model = buildPackModel(packInput(), { language: 'id', mode: 'combined' });
const bytes = (n: number) => new Uint8Array(n).fill(7);

function valid(): PackRenderRequest {
  return {
    model,
    images: [{ assetId: 'a-front', bytes: bytes(10) }],
    pageSize: 'A4',
    zip: {
      pdfFileName: 'Keripik Tempe Bu Sari - v2 - Paket masukan.pdf',
      facePngs: [{ fileName: 'depan.png', bytes: bytes(10) }],
      reviewJson: '{}',
      scoresCsv: 'Kriteria,Nilai',
    },
  };
}

describe('pack.render on the host', () => {
  it('hands a valid request to the pack runner and answers with its bytes, also through a binary frame', async () => {
    const pack = vi.fn<PackRunner>(async () => ({ pdf: new TextEncoder().encode('%PDF-1.7'), zip: new Uint8Array([80, 75, 3, 4]) }));
    // The browser host decodes the request from a frame; the Uint8Arrays come out as they went in.
    const request = decodeFrame(encodeFrame(valid()));
    const result = await dispatch(hostWith(pack), 'pack.render', request);
    expect(result).toEqual({ ok: true, value: { pdf: new TextEncoder().encode('%PDF-1.7'), zip: new Uint8Array([80, 75, 3, 4]) } });
    expect(pack).toHaveBeenCalledOnce();
    expect(pack.mock.calls[0]?.[0].zip?.facePngs[0]?.fileName).toBe('depan.png');
    expect(pack.mock.calls[0]?.[0].model.cover.title).toBe('Keripik Tempe Bu Sari – Keripik Tempe Original');
  });

  it('refuses hostile or runaway requests before any work', async () => {
    const pack = vi.fn<PackRunner>(async () => ({ pdf: bytes(1), zip: null }));
    const host = hostWith(pack);
    const broken: [string, (r: PackRenderRequest) => unknown][] = [
      ['a ZIP entry climbing out of the archive', (r) => ({ ...r, zip: { ...r.zip, facePngs: [{ fileName: '../../.bashrc.png', bytes: bytes(1) }] } })],
      ['a ZIP entry in a folder of its own', (r) => ({ ...r, zip: { ...r.zip, facePngs: [{ fileName: 'gambar/depan.png', bytes: bytes(1) }] } })],
      ['a hidden file', (r) => ({ ...r, zip: { ...r.zip, pdfFileName: '.pack.pdf' } })],
      ['a PDF name that is not a PDF', (r) => ({ ...r, zip: { ...r.zip, pdfFileName: 'pack.exe' } })],
      ['two PNGs with one name', (r) => ({ ...r, zip: { ...r.zip, facePngs: [{ fileName: 'Depan.png', bytes: bytes(1) }, { fileName: 'depan.png', bytes: bytes(1) }] } })],
      ['an empty picture', (r) => ({ ...r, images: [{ assetId: 'a-front', bytes: new Uint8Array(0) }] })],
      ['a picture over its limit', (r) => ({ ...r, images: [{ assetId: 'a-front', bytes: new Uint8Array(PACK_RENDER_LIMITS.maxImageBytes + 1) }] })],
      ['two pictures for one face', (r) => ({ ...r, images: [...r.images, ...r.images] })],
      ['more faces than a pack may have', (r) => ({ ...r, images: Array.from({ length: PACK_RENDER_LIMITS.maxFaces + 1 }, (_, i) => ({ assetId: `f${i}`, bytes: bytes(1) })) })],
      ['a page size pdfkit does not know', (r) => ({ ...r, pageSize: 'A0' })],
      ['a model from a newer studio', (r) => ({ ...r, model: { ...r.model, formatVersion: 2 } })],
      ['a field the contract does not name', (r) => ({ ...r, outputPath: '/etc/passwd' })],
      ['bytes given as a list of numbers', (r) => ({ ...r, images: [{ assetId: 'a-front', bytes: [1, 2, 3] }] })],
    ];
    for (const [what, change] of broken) {
      const result = await dispatch(host, 'pack.render', change(valid()));
      expect(result, what).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
    expect(pack).not.toHaveBeenCalled();
  });

  it('turns a pack the worker could not draw into an error result, never a throw', async () => {
    const host = hostWith(async () => {
      throw new Error('The pack worker stopped while making this pack');
    });
    await expect(dispatch(host, 'pack.render', valid())).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'The pack worker stopped while making this pack' },
    });
  });
});
