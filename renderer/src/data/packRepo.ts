import type { Asset } from '#shared/domain/asset.ts';
import type { Mentor } from '#shared/domain/mentor.ts';
import type { Review } from '#shared/domain/review.ts';
import type { Rubric } from '#shared/domain/rubric.ts';
import type { PackInput } from '#shared/pack/packInput.ts';
import type { PackMode } from '#shared/pack/packModelSchema.ts';
import { packCountedVersion } from '#shared/pack/packScores.ts';
import type { KemasDatabase } from './db.ts';
import { isLive, RecordNotFoundError } from './records.ts';
import { rubricForWorkshop } from './rubricsRepo.ts';
import { facesOf, getAssetBlob } from './submissionsRepo.ts';

/** Formats a browser draws as they are: their original can be burned at full resolution. */
const DRAWABLE = new Set(['jpeg', 'png', 'webp', 'gif', 'avif']);

export interface LoadPackOptions {
  /** A combined pack or one mentor's: a mentor's pack uses the rubric of their review. */
  mode: PackMode;
  /** When the pack is made (ms). */
  generatedAt: number;
  /** Also read the faces' image bytes (false for a quick look at what the pack will hold). */
  images?: boolean;
}

/** A face's pictures: the stored preview (what the PDF embeds) and the original when the browser can draw it. */
export interface PackFaceImages {
  asset: Asset;
  preview: Blob | null;
  /** Null when missing or in a format only the host decodes (TIFF, HEIC, PDF, SVG): the preview stands in. */
  original: Blob | null;
}

export interface LoadedPack {
  input: PackInput;
  /** The live faces in order; blobs are null unless `images` was asked for. */
  faces: PackFaceImages[];
  /** Mentors who reviewed, marked or checked this submission, for choosing one mentor's pack. */
  contributors: Pick<Mentor, 'id' | 'name' | 'organisation'>[];
}

/**
 * One review per mentor, as the pack counts them: a declared conflict of
 * interest always (it keeps the mentor out of a combined pack), else a
 * submitted review before a draft, the newest first. A mentor may have
 * several: one outside any session and one per scoring session.
 */
export function reviewsPerMentor(reviews: readonly Review[]): Review[] {
  const rank = (review: Review) => {
    // A review reopened for a revision counts by what was submitted, as in the session's results.
    const r = packCountedVersion(review);
    return r.conflictOfInterest ? 2 : r.status === 'submitted' ? 1 : 0;
  };
  const chosen = new Map<string, Review>();
  for (const review of reviews) {
    if (review.deletedAt !== null) continue;
    const current = chosen.get(review.mentorId);
    if (!current || rank(review) > rank(current) || (rank(review) === rank(current) && review.updatedAt > current.updatedAt)) {
      chosen.set(review.mentorId, review);
    }
  }
  return [...chosen.values()];
}

const counts = (review: Review) => {
  const r = packCountedVersion(review);
  return r.status === 'submitted' && !r.abstained && !r.conflictOfInterest;
};

/** The rubric most counted reviews used (ties: the newest review's); null when no review counts. */
function commonRubricId(reviews: readonly Review[]): string | null {
  const tally = new Map<string, { n: number; newest: number }>();
  for (const r of reviews.filter(counts)) {
    const t = tally.get(r.rubricId) ?? { n: 0, newest: 0 };
    tally.set(r.rubricId, { n: t.n + 1, newest: Math.max(t.newest, r.updatedAt) });
  }
  const best = [...tally].sort(([, a], [, b]) => b.n - a.n || b.newest - a.newest)[0];
  return best ? best[0] : null;
}

/** A rubric by id even when deleted or archived since (reviews stay pinned to it). */
async function pinnedRubric(db: KemasDatabase, id: string | null, workshopId: string): Promise<Rubric> {
  const rubric = id ? await db.rubrics.get(id) : undefined;
  return rubric ?? rubricForWorkshop(db, workshopId);
}

async function submissionReviews(db: KemasDatabase, submissionId: string): Promise<Review[]> {
  return reviewsPerMentor(await db.reviews.where('submissionId').equals(submissionId).toArray());
}

/**
 * Everything `buildPackModel` needs for one submission, read in one go: its
 * workshop, participant, faces, every mentor's annotations, reviews and label
 * checklists, the rubric the reviews used, the participant's previous
 * reviewed version, and the mentors' names. With `images`, also each face's
 * preview and drawable original.
 */
export async function loadPackInput(db: KemasDatabase, submissionId: string, options: LoadPackOptions): Promise<LoadedPack> {
  const submission = await db.submissions.get(submissionId);
  if (!isLive(submission)) throw new RecordNotFoundError('Submission', submissionId);
  const participant = await db.participants.get(submission.participantId);
  if (!isLive(participant)) throw new RecordNotFoundError('Participant', submission.participantId);
  const workshop = await db.workshops.get(submission.workshopId);
  if (!isLive(workshop)) throw new RecordNotFoundError('Workshop', submission.workshopId);

  const [assets, annotations, reviews, labelChecklists, allMentors] = await Promise.all([
    facesOf(db, submissionId),
    db.annotations.where('submissionId').equals(submissionId).toArray(),
    submissionReviews(db, submissionId),
    db.labelChecklists.where('submissionId').equals(submissionId).toArray(),
    db.mentors.toArray(),
  ]);
  const liveAnnotations = annotations.filter((a) => a.deletedAt === null);
  // One checklist per mentor; should a merge have brought two, the newest wins (as getChecklist does).
  const liveChecklists = [
    ...new Map(
      labelChecklists
        .filter((c) => c.deletedAt === null)
        .sort((a, b) => a.updatedAt - b.updatedAt)
        .map((c) => [c.mentorId, c] as const),
    ).values(),
  ];

  const mode = options.mode;
  const ownReview = mode === 'combined' ? undefined : reviews.find((r) => r.mentorId === mode.mentorId && counts(r));
  const rubric = await pinnedRubric(db, ownReview?.rubricId ?? commonRubricId(reviews), workshop.id);

  // The newest earlier version some mentor's review counts for.
  const earlier = (await db.submissions.where('participantId').equals(participant.id).toArray())
    .filter((s) => s.deletedAt === null && s.version < submission.version)
    .sort((a, b) => b.version - a.version);
  let previous: PackInput['previous'] = null;
  for (const candidate of earlier) {
    const before = await submissionReviews(db, candidate.id);
    const rubricId = commonRubricId(before);
    if (rubricId === null) continue;
    previous = { submission: candidate, reviews: before, rubric: await pinnedRubric(db, rubricId, workshop.id) };
    break;
  }

  // Every mentor who appears, even one deleted since: their words are in the pack.
  const contributing = new Set([...reviews, ...liveAnnotations, ...liveChecklists].map((r) => r.mentorId));
  const mentors = allMentors
    .filter((m) => m.deletedAt === null || contributing.has(m.id))
    .sort((a, b) => a.name.localeCompare(b.name, 'id'))
    .map((m) => ({ id: m.id, name: m.name, organisation: m.organisation }));

  const faces: PackFaceImages[] = await Promise.all(
    assets.map(async (asset) => {
      if (!options.images) return { asset, preview: null, original: null };
      const [preview, original] = await Promise.all([
        getAssetBlob(db, asset, 'preview'),
        DRAWABLE.has(asset.metadata.format) ? getAssetBlob(db, asset, 'original') : Promise.resolve(null),
      ]);
      return { asset, preview, original };
    }),
  );

  return {
    input: {
      workshop,
      participant,
      submission,
      faces: assets,
      annotations: liveAnnotations,
      reviews,
      rubric,
      labelChecklists: liveChecklists,
      previous,
      mentors,
      generatedAt: options.generatedAt,
    },
    faces,
    contributors: mentors.filter((m) => contributing.has(m.id)),
  };
}
