import type { z } from 'zod';
import { annotationSchema } from '../domain/annotation.ts';
import { assetSchema } from '../domain/asset.ts';
import { commentSnippetSchema } from '../domain/commentSnippet.ts';
import { labelChecklistSchema } from '../domain/labelChecklist.ts';
import { mentorSchema } from '../domain/mentor.ts';
import { mentorKeySchema } from '../domain/mentorKey.ts';
import { participantSchema } from '../domain/participant.ts';
import { reviewSchema } from '../domain/review.ts';
import { rubricSchema } from '../domain/rubric.ts';
import { scoringSessionSchema } from '../domain/session.ts';
import { submissionSchema } from '../domain/submission.ts';
import { workshopSchema } from '../domain/workshop.ts';
import type { BundleRecordTypes, BundleTable } from './mergeBundle.ts';

/** The zod schema of each table a bundle carries: every incoming record is parsed with it. */
export const RECORD_SCHEMAS = {
  mentors: mentorSchema,
  workshops: workshopSchema,
  participants: participantSchema,
  submissions: submissionSchema,
  assets: assetSchema,
  rubrics: rubricSchema,
  sessions: scoringSessionSchema,
  reviews: reviewSchema,
  annotations: annotationSchema,
  labelChecklists: labelChecklistSchema,
  commentSnippets: commentSnippetSchema,
  mentorKeys: mentorKeySchema,
} as const satisfies { [K in BundleTable]: z.ZodType<BundleRecordTypes[K]> };
