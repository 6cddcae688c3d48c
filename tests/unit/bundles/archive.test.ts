import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkArchive, type ArchiveProgress } from '#shared/bundles/archive.ts';
import { BUNDLE_FORMAT_VERSION } from '#shared/bundles/bundleFormat.ts';
import { ORIGINAL_SHA, archiveBytes, archiveInput, fullArchiveInput, fullStudio, memorySource } from '../../support/archiveFixture.ts';

describe('writeArchive → checkArchive', () => {
  it('gives back every record of every table and every blob byte for byte', async () => {
    const input = fullArchiveInput();
    const bytes = await archiveBytes(input);
    const check = await checkArchive(memorySource(bytes));
    if (!check.ok) throw new Error(`refused: ${check.problem} ${check.path ?? ''} ${check.detail ?? ''}`);
    const { archive } = check;
    expect(archive.records).toEqual(fullStudio());
    expect(archive.manifest).toMatchObject({ format: 'kemas-bundle', kind: 'backup', formatVersion: BUNDLE_FORMAT_VERSION, createdBy: { id: 'm-rina', name: 'Rina Prasetyo' } });
    expect(archive.manifest.counts).toEqual({ mentors: 2, workshops: 1, participants: 2, submissions: 1, assets: 1, rubrics: 1, sessions: 1, reviews: 1, annotations: 1, labelChecklists: 1, commentSnippets: 1 });
    expect(archive.blobs.map((b) => [b.id, b.assetId, b.kind, b.mimeType, b.path, b.bytes])).toEqual([
      [`original:${ORIGINAL_SHA}`, null, 'original', 'image/jpeg', 'blobs/0', 40_000],
      ['a1:preview', 'a1', 'preview', 'image/webp', 'blobs/1', 12_000],
      ['a1:thumbnail', 'a1', 'thumbnail', 'image/webp', 'blobs/2', 3_000],
    ]);
    for (const [i, blob] of archive.blobs.entries()) {
      const expected = await input.blobs[i]!.bytes();
      expect(await archive.readBlob(blob.id)).toEqual(expected);
      // dataOffset points at the stored bytes themselves (the renderer keeps a Blob slice there).
      expect(bytes.subarray(blob.dataOffset, blob.dataOffset + blob.bytes)).toEqual(expected);
    }
  });

  it('writes a ZIP other tools open: the layout of the format, images stored, JSON deflated', async () => {
    const bytes = await archiveBytes(fullArchiveInput());
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual(
      ['blobs.json', 'blobs/0', 'blobs/1', 'blobs/2', 'manifest.json', ...Object.keys(fullStudio()).map((t) => `records/${t}.json`)].sort(),
    );
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as { files: { path: string; bytes: number }[] };
    expect(manifest.files.map((f) => f.path).sort()).toEqual(Object.keys(files).filter((p) => p !== 'manifest.json').sort());
    expect(JSON.parse(new TextDecoder().decode(files['records/mentors.json'])) as unknown).toEqual(fullStudio().mentors);
  });

  it('leaves out empty tables, and an archive of records only still checks', async () => {
    const check = await checkArchive(memorySource(await archiveBytes(archiveInput({ mentors: fullStudio().mentors, reviews: [] }, [], 'review'))));
    expect(check.ok && check.archive.records).toEqual({ mentors: fullStudio().mentors });
    expect(check.ok && check.archive.manifest.kind).toBe('review');
  });

  it('carries in each kind only what that kind holds, writing and checking', async () => {
    const studio = fullStudio();
    const { reviews, annotations, labelChecklists, mentors, commentSnippets: _snippets, ...workshopPart } = studio;
    const review = await checkArchive(memorySource(await archiveBytes(archiveInput({ mentors, reviews, annotations, labelChecklists }, [], 'review'))));
    expect(review.ok).toBe(true);
    const workshop = fullArchiveInput();
    workshop.kind = 'workshop';
    workshop.records = { mentors, ...workshopPart };
    expect((await checkArchive(memorySource(await archiveBytes(workshop)))).ok).toBe(true);
    await expect(archiveBytes(archiveInput(studio, [], 'review'))).rejects.toMatchObject({ problem: 'invalid', path: 'manifest.json counts.workshops' });
    await expect(archiveBytes({ ...fullArchiveInput(), kind: 'review', records: { mentors } })).rejects.toMatchObject({ problem: 'invalid', path: 'blobs.json' });
    await expect(archiveBytes(archiveInput(studio, [], 'workshop'))).rejects.toMatchObject({ problem: 'invalid', path: 'manifest.json counts.reviews' });
  });

  it('reports progress that only grows and ends at its total, writing and checking', async () => {
    const seen: ArchiveProgress[] = [];
    const bytes = await archiveBytes(fullArchiveInput(), { onProgress: (p) => seen.push(p) });
    const checked: ArchiveProgress[] = [];
    await checkArchive(memorySource(bytes), { onProgress: (p) => checked.push(p) });
    for (const list of [seen, checked]) {
      expect(list.length).toBeGreaterThan(3);
      list.forEach((p, i) => {
        expect(p.done).toBeLessThanOrEqual(p.total);
        if (i > 0) expect(p.done).toBeGreaterThanOrEqual(list[i - 1]!.done);
        expect(p.total).toBe(list[0]!.total);
      });
      expect(list.at(-1)!.done).toBe(list.at(-1)!.total);
    }
  });
});
