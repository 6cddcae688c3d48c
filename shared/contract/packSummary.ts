import { z } from 'zod';
import { summaryModelSchema } from '../pack/summaryModelSchema.ts';
import { packPageSizeSchema } from './packRender.ts';
import { jobIdSchema } from './jobs.ts';

/*
 * The `pack.summary` channel: the renderer builds the curator's summary report
 * of a scoring session (shared/pack/summaryModel.ts) from the results it shows,
 * the host draws the PDF (pdfkit) in the pack worker pool. The model crosses a
 * trust boundary: its lists have limits, so a runaway request is refused
 * before any work. At about 0.4 KB a submission, the limits keep the request
 * under the browser host's 1 MB JSON limit.
 */

export const PACK_SUMMARY_LIMITS = {
  /** Submissions in the ranking (a session has 50–300). */
  maxSubmissions: 2000,
  /** Mentors of the session (2–6 usually). */
  maxMentors: 60,
  /** Criteria of the rubric. */
  maxCriteria: 100,
} as const;

const limitedSummarySchema = summaryModelSchema.refine(
  (model) =>
    model.ranking.rows.length <= PACK_SUMMARY_LIMITS.maxSubmissions &&
    model.ranking.chart.bars.length <= PACK_SUMMARY_LIMITS.maxSubmissions &&
    model.regions.rows.length <= PACK_SUMMARY_LIMITS.maxSubmissions &&
    model.versions.rows.length <= PACK_SUMMARY_LIMITS.maxSubmissions &&
    model.agreement.mentors.length <= PACK_SUMMARY_LIMITS.maxMentors &&
    model.cover.mentors.length <= PACK_SUMMARY_LIMITS.maxMentors &&
    model.criteria.rows.length <= PACK_SUMMARY_LIMITS.maxCriteria &&
    model.versions.criteria.length <= PACK_SUMMARY_LIMITS.maxCriteria,
  `at most ${PACK_SUMMARY_LIMITS.maxSubmissions} submissions, ${PACK_SUMMARY_LIMITS.maxMentors} mentors and ${PACK_SUMMARY_LIMITS.maxCriteria} criteria`,
);

export const packSummaryRequestSchema = z
  .object({ model: limitedSummarySchema, pageSize: packPageSizeSchema, jobId: jobIdSchema.optional() })
  .strict();
export type PackSummaryRequest = z.infer<typeof packSummaryRequestSchema>;

export const packSummaryResponseSchema = z.object({ pdf: z.instanceof(Uint8Array) });
export type PackSummaryResponse = z.infer<typeof packSummaryResponseSchema>;
