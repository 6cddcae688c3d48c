import { z } from 'zod';
import { ANNOTATION_CATEGORIES, annotationShapeSchema, SEVERITIES } from '../domain/annotation.ts';
import { FACES } from '../domain/asset.ts';
import { faceTransformSchema } from '../domain/faceTransform.ts';
import { LABEL_ITEM_STATUSES, LABEL_ITEMS } from '../domain/labelChecklist.ts';
import { idSchema } from '../domain/record.ts';
import { VERDICTS } from '../domain/review.ts';
import { packId } from '../i18n/parts/pack.ts';
import { PACK_LANGUAGES, type PackMessages } from './packText.ts';

/*
 * The critique pack as plain data: everything the PDF shows, already chosen,
 * ordered, translated and formatted, so the renderer only lays it out. It
 * crosses from the renderer (which reads the database) to the host (which
 * draws the PDF), so it has a schema; the types are inferred from it.
 * Geometry stays in original image pixels, as everywhere else.
 */

const colourSchema = z.string().regex(/^#[0-9a-f]{6}$/);
const pointSchema = z.object({ x: z.number(), y: z.number() });
const rectSchema = z.object({ x: z.number(), y: z.number(), width: z.number().positive(), height: z.number().positive() });
/** Text shown as is (already translated and formatted). */
const textSchema = z.string().max(20_000);

/** A schema for a tree of words with the same keys as `shape` (e.g. `packId`), every leaf a string. */
export function messagesSchema(shape: object): z.ZodType {
  return z.object(
    Object.fromEntries(Object.entries(shape).map(([key, value]) => [key, typeof value === 'string' ? z.string() : messagesSchema(value as object)])),
  );
}
const packMessagesSchema = messagesSchema(packId) as z.ZodType<PackMessages>;

export const packModeSchema = z.union([z.literal('combined'), z.object({ mentorId: idSchema })]);
export type PackMode = z.infer<typeof packModeSchema>;

/** One mentor as the pack names them; letter and colour only when marks are coloured by mentor. */
export const packMentorSchema = z.object({
  mentorId: idSchema,
  name: textSchema,
  organisation: textSchema,
  letter: z.string().max(2).nullable(),
  colour: colourSchema.nullable(),
});

/** One annotation as drawn on a face and listed in its legend. */
export const packMarkSchema = z.object({
  annotationId: idSchema,
  mentorId: idSchema,
  /** What the badge and the legend say: the mentor's number, prefixed by the mentor's letter in a combined pack. */
  label: z.string().max(12),
  shape: annotationShapeSchema,
  colour: colourSchema,
  severity: z.enum(SEVERITIES),
  severityText: textSchema,
  severityColour: colourSchema,
  category: z.enum(ANNOTATION_CATEGORIES),
  categoryText: textSchema,
  /** The comment, or a "(no comment)" placeholder; a measurement adds its length. */
  comment: textSchema,
  mentorName: textSchema.nullable(),
});
export type PackMark = z.infer<typeof packMarkSchema>;

/** A zoomed detail around a pin: the crop is a square of the image in original pixels. */
export const packCropSchema = z.object({
  annotationId: idSchema,
  label: z.string().max(12),
  colour: colourSchema,
  rect: rectSchema,
  pin: pointSchema,
  alt: textSchema,
});
export type PackCrop = z.infer<typeof packCropSchema>;

export const packFaceSchema = z.object({
  assetId: idSchema,
  face: z.enum(FACES),
  title: textSchema,
  position: textSchema,
  /** Size of the original image in pixels: the marks' coordinate space (the embedded picture may be smaller). */
  width: z.number().positive(),
  height: z.number().positive(),
  /** How the face is shown (turned, mirrored): the picture and its marks are drawn so; marks keep original pixels. */
  transform: faceTransformSchema,
  alt: textSchema,
  /** In legend order (mentor letter, then number). */
  marks: z.array(packMarkSchema),
  crops: z.array(packCropSchema),
});
export type PackFace = z.infer<typeof packFaceSchema>;

const factSchema = z.object({ label: textSchema, value: textSchema });

export const packCoverSchema = z.object({
  kicker: textSchema,
  title: textSchema,
  workshopFacts: z.array(factSchema),
  participantFacts: z.array(factSchema),
  mentorsLabel: textSchema,
  overall: z.object({
    label: textSchema,
    value: z.number().nullable(),
    display: textSchema,
    outOf: textSchema,
    verdict: textSchema.nullable(),
    verdictCode: z.enum(VERDICTS).nullable(),
    note: textSchema.nullable(),
  }),
  summaryTitle: textSchema,
  /** Three plain sentences: the score, what to fix first, what is already good. */
  summary: z.array(textSchema).length(3),
  howToReadTitle: textSchema,
  howToRead: textSchema,
  colourKeyTitle: textSchema,
  colourKey: z.array(z.object({ colour: colourSchema, label: textSchema })),
  generated: textSchema,
});

export const packActionSchema = z.object({
  text: textSchema,
  /** Where to look: "see front view no. 3, back view no. 5", or null. */
  refs: textSchema.nullable(),
  /** Mentors who wrote it, in a combined pack with several mentors ("(Rina, Budi)"), else null. */
  by: textSchema.nullable(),
  source: z.enum(['review', 'checklist', 'annotation']),
});
export type PackAction = z.infer<typeof packActionSchema>;

export const packActionsSchema = z.object({
  mustFix: z.array(packActionSchema),
  suggestions: z.array(packActionSchema),
  strengths: z.array(packActionSchema),
});

export const packCriterionRowSchema = z.object({
  criterionId: idSchema,
  name: textSchema,
  weightText: textSchema,
  scale: z.object({ min: z.number(), max: z.number() }),
  /** Mean of the counted reviews (one review in a per-mentor pack); null when unscored. */
  score: z.number().nullable(),
  scoreText: textSchema,
  min: z.number().nullable(),
  max: z.number().nullable(),
  rangeText: textSchema.nullable(),
  levelText: textSchema.nullable(),
  notes: z.array(textSchema),
});
export type PackCriterionRow = z.infer<typeof packCriterionRowSchema>;

export const packGroupRowSchema = z.object({
  groupId: idSchema,
  name: textSchema,
  weightText: textSchema,
  subtotal: z.number().nullable(),
  subtotalText: textSchema,
  subtotalLabel: textSchema,
  rangeText: textSchema.nullable(),
  criteria: z.array(packCriterionRowSchema),
});

export const packRadarAxisSchema = z.object({
  label: textSchema,
  /** 0 (scale minimum) to 1 (maximum); null when unscored. */
  value: z.number().min(0).max(1).nullable(),
  min: z.number().min(0).max(1).nullable(),
  max: z.number().min(0).max(1).nullable(),
});

export const packScoresSchema = z.object({
  available: z.boolean(),
  mentorsCounted: z.number().int().nonnegative(),
  /** Sentences above the table: the scale, what weights mean, and (combined) what the numbers are. */
  intro: z.array(textSchema),
  groups: z.array(packGroupRowSchema),
  overall: z.object({
    value: z.number().nullable(),
    text: textSchema,
    rangeText: textSchema.nullable(),
    partial: z.boolean(),
  }),
  radar: z.object({ alt: textSchema, axes: z.array(packRadarAxisSchema), showsSpread: z.boolean() }),
});
export type PackScores = z.infer<typeof packScoresSchema>;

export const packChecklistRowSchema = z.object({
  item: z.enum(LABEL_ITEMS),
  name: textSchema,
  status: z.enum([...LABEL_ITEM_STATUSES, 'unchecked']),
  statusText: textSchema,
  note: textSchema,
  /** The annotation that shows it on the artwork, e.g. "see mark 4". */
  markText: textSchema.nullable(),
  problem: z.boolean(),
});

export const packChecklistSchema = z.object({
  available: z.boolean(),
  countsText: textSchema,
  /** Problems (missing, wrong) first, then present, not applicable, not checked. */
  rows: z.array(packChecklistRowSchema),
  /** Sentences about the registration number (declared, printed, packaging code). */
  registration: z.array(textSchema),
  /** True when a registration sentence reports a problem. */
  registrationProblem: z.boolean(),
});

export const packPrintRowSchema = z.object({
  assetId: idSchema,
  face: textSchema,
  pixelsText: textSchema,
  dpiText: textSchema,
  colourText: textSchema,
  profileText: textSchema,
  /** Translated warnings; empty when the face is ready to print. */
  warnings: z.array(textSchema),
  /** The same, in plain words for the owner (no dpi, RGB or ICC): what it means and what to do. */
  plain: z.array(textSchema),
  /** A remark that is no warning (a PDF page cannot be judged from its rendering), or null. */
  note: textSchema.nullable(),
  /** Nothing stands between this face and a good print, as far as can be told. */
  ok: z.boolean(),
});

export const packVersionRowSchema = z.object({
  name: textSchema,
  scale: z.object({ min: z.number(), max: z.number() }),
  before: z.number().nullable(),
  after: z.number().nullable(),
  change: z.number().nullable(),
  beforeText: textSchema,
  afterText: textSchema,
  changeText: textSchema,
  direction: z.enum(['up', 'down', 'same']).nullable(),
});

export const packVersionChangeSchema = z.object({
  fromVersion: z.number().int().positive(),
  toVersion: z.number().int().positive(),
  title: textSchema,
  intro: textSchema,
  beforeHeading: textSchema,
  afterHeading: textSchema,
  basis: z.enum(['same-mentor', 'all-mentors']),
  overall: packVersionRowSchema,
  rows: z.array(packVersionRowSchema),
  chartAlt: textSchema,
});
export type PackVersionChange = z.infer<typeof packVersionChangeSchema>;

/** Why a pack may not be what the mentor expects; the UI says so before export. */
export const PACK_WARNINGS = ['no-counted-review', 'draft-review', 'other-rubric', 'unknown-mentor', 'no-faces'] as const;
export const packWarningSchema = z.object({ code: z.enum(PACK_WARNINGS), mentorId: idSchema.nullable() });

export const packModelSchema = z.object({
  /** Bumped when the model's shape changes, so an older host refuses a newer model clearly. */
  formatVersion: z.literal(1),
  language: z.enum(PACK_LANGUAGES),
  mode: packModeSchema,
  colourBy: z.enum(['severity', 'mentor']),
  meta: z.object({
    title: textSchema,
    author: textSchema,
    subject: textSchema,
    keywords: textSchema,
    /** BCP 47, e.g. id-ID. */
    lang: z.string().max(20),
  }),
  /** Footer text (page numbers are added by the renderer with `text.pageOf`). */
  footer: textSchema,
  mentors: z.array(packMentorSchema),
  cover: packCoverSchema,
  actions: packActionsSchema,
  faces: z.array(packFaceSchema),
  scores: packScoresSchema,
  checklist: packChecklistSchema,
  print: z.array(packPrintRowSchema),
  versionChange: packVersionChangeSchema.nullable(),
  warnings: z.array(packWarningSchema),
  /** The pack's words in its language, for headings and column names. */
  text: packMessagesSchema,
});
export type PackModel = z.infer<typeof packModelSchema>;
