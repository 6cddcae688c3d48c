import type { Asset } from '../../../shared/domain/asset.ts';
import type { Participant } from '../../../shared/domain/participant.ts';
import type { Submission } from '../../../shared/domain/submission.ts';
import type { Workshop } from '../../../shared/domain/workshop.ts';
import type { AssetBlobRow, KemasDatabase } from './db.ts';

/** A workshop with everything under it, as whole records. */
export interface WorkshopTree {
  workshop: Workshop;
  participants: Participant[];
  submissions: Submission[];
  assets: Asset[];
  blobs: AssetBlobRow[];
}

/**
 * Writes a whole workshop tree in one transaction, replacing records with the
 * same ids: writing the same tree twice leaves one copy.
 */
export async function putWorkshopTree(db: KemasDatabase, tree: WorkshopTree): Promise<void> {
  await db.transaction('rw', [db.workshops, db.participants, db.submissions, db.assets, db.assetBlobs], async () => {
    await db.workshops.put(tree.workshop);
    await db.participants.bulkPut(tree.participants);
    await db.submissions.bulkPut(tree.submissions);
    await db.assets.bulkPut(tree.assets);
    await db.assetBlobs.bulkPut(tree.blobs);
  });
}
