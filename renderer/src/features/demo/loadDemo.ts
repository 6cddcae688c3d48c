import { assetSchema, blobKey, type Asset } from '../../../../shared/domain/asset.ts';
import { participantSchema, type Participant } from '../../../../shared/domain/participant.ts';
import { submissionSchema, type Submission } from '../../../../shared/domain/submission.ts';
import { workshopSchema } from '../../../../shared/domain/workshop.ts';
import type { AssetBlobRow, KemasDatabase } from '../../data/db.ts';
import { putWorkshopTree } from '../../data/workshopTreeRepo.ts';
import { DEMO_PARTICIPANTS, DEMO_WORKSHOP_ID } from './demoWorkshop.ts';

async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function imageSize(blob: Blob): Promise<{ width: number; height: number }> {
  const bitmap = await createImageBitmap(blob);
  const size = { width: bitmap.width, height: bitmap.height };
  bitmap.close();
  return size;
}

/**
 * Loads the demo workshop: fetches the bundled designs, then writes the whole
 * tree in one transaction. Loading it again restores it as shipped.
 */
export async function loadDemoWorkshop(db: KemasDatabase, actor: string, workshopName: string): Promise<string> {
  const now = Date.now();
  const base = (id: string) => ({ id, createdAt: now, updatedAt: now, updatedBy: actor, deletedAt: null });
  const participants: Participant[] = [];
  const submissions: Submission[] = [];
  const assets: Asset[] = [];
  const blobs: AssetBlobRow[] = [];

  for (const demo of DEMO_PARTICIPANTS) {
    const participantId = `demo-${demo.key}`;
    const submissionId = `demo-${demo.key}-v1`;
    participants.push(participantSchema.parse({ ...base(participantId), workshopId: DEMO_WORKSHOP_ID, ...demo.fields }));
    submissions.push(
      submissionSchema.parse({
        ...base(submissionId),
        workshopId: DEMO_WORKSHOP_ID,
        participantId,
        version: 1,
        title: demo.fields.product,
        submittedAt: now,
        note: '',
      }),
    );
    for (const [order, face] of demo.faces.entries()) {
      const response = await fetch(face.url);
      if (!response.ok) throw new Error(`${face.fileName}: HTTP ${response.status}`);
      const blob = await response.blob();
      const assetId = `${submissionId}-${face.face}`;
      const size = await imageSize(blob);
      assets.push(
        assetSchema.parse({
          ...base(assetId),
          submissionId,
          face: face.face,
          fileName: face.fileName,
          mimeType: blob.type || 'image/jpeg',
          ...size,
          byteSize: blob.size,
          sha256: await sha256Hex(blob),
          order,
        }),
      );
      blobs.push({ id: blobKey(assetId, 'original'), assetId, kind: 'original', blob });
    }
  }

  const workshop = workshopSchema.parse({
    ...base(DEMO_WORKSHOP_ID),
    name: workshopName,
    region: 'Malang',
    venue: 'Gedung Millennial Job Center, Malang',
    startDate: '2026-11-24',
    endDate: '2026-11-26',
    rubricId: null,
    notes: '',
  });
  await putWorkshopTree(db, { workshop, participants, submissions, assets, blobs });
  return DEMO_WORKSHOP_ID;
}
