import { workshopSchema } from '#shared/domain/workshop.ts';
import type { KemasDatabase } from '../../data/db.ts';
import { restoreWorkshop } from '../../data/workshopsRepo.ts';
import { storeFace } from '../../data/submissionsRepo.ts';
import { host } from '../../host/hostClient.ts';
import { DEMO_PARTICIPANTS, DEMO_WORKSHOP_ID } from './demoWorkshop.ts';

/**
 * Loads the demo workshop: the bundled designs go through the same intake
 * pipeline as any import (metadata, previews, palette), one face per
 * transaction. Loading it again brings back a deleted demo instead of a copy,
 * and finishes a load that was interrupted.
 */
export async function loadDemoWorkshop(db: KemasDatabase, actor: string, workshopName: string): Promise<string> {
  const existing = await db.workshops.get(DEMO_WORKSHOP_ID);
  if (existing?.deletedAt) await restoreWorkshop(db, DEMO_WORKSHOP_ID, actor);
  const now = Date.now();
  if (!existing) await db.workshops.add(
    workshopSchema.parse({
      id: DEMO_WORKSHOP_ID,
      createdAt: now,
      updatedAt: now,
      updatedBy: actor,
      deletedAt: null,
      revisions: {},
      name: workshopName,
      region: 'Malang',
      venue: 'Gedung Millennial Job Center, Malang',
      startDate: '2026-11-24',
      endDate: '2026-11-26',
      rubricId: null,
      notes: '',
    }),
  );
  for (const demo of DEMO_PARTICIPANTS) {
    const participantId = `demo-${demo.key}`;
    const submissionId = `${participantId}-v1`;
    const stored = await db.assets.where('submissionId').equals(submissionId).toArray();
    for (const face of demo.faces) {
      if (stored.some((a) => a.face === face.face && a.deletedAt === null)) continue;
      const response = await fetch(face.url);
      if (!response.ok) throw new Error(`${face.fileName}: HTTP ${response.status}`);
      const original = await response.blob();
      const result = await host.call('ingest.file', { fileName: face.fileName, bytes: new Uint8Array(await original.arrayBuffer()) });
      if (!result.ok) throw new Error(`${face.fileName}: ${result.error.message}`);
      if (!result.value.ok) throw new Error(`${face.fileName}: ${result.value.reason}`);
      for (const ingested of result.value.faces) {
        await storeFace(
          db,
          {
            workshopId: DEMO_WORKSHOP_ID,
            destination: {
              participant: { id: participantId, create: demo.fields },
              submission: { id: submissionId, create: { title: demo.fields.product } },
            },
            face: face.face,
            fileName: face.fileName,
            mimeType: original.type || 'image/jpeg',
            original,
            ingested,
          },
          actor,
        );
      }
    }
  }
  return DEMO_WORKSHOP_ID;
}
