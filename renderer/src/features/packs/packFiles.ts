import { packsEn, packsId } from '#shared/i18n/parts/packs.ts';
import { messages } from '#shared/i18n/messages.ts';
import type { Face } from '#shared/domain/asset.ts';
import type { PackInput } from '#shared/pack/packInput.ts';
import type { PackModel } from '#shared/pack/packModelSchema.ts';
import { countedReviews } from '#shared/pack/packScores.ts';
import { packFileName } from '#shared/pack/packFileNames.ts';
import { type PackLanguage } from '#shared/pack/packText.ts';
import type { Cell } from '#shared/scoring/resultsTable.ts';
import { safeFileName } from '#shared/files/safeFileName.ts';
import { csvText } from '../sessions/exportResults.ts';

/*
 * The files of a critique pack besides its PDF: their names, the review as
 * JSON and the scores as CSV, all in the pack's language (not the UI's).
 */

const words = (language: PackLanguage) => (language === 'en' ? packsEn : packsId);

/**
 * The pack's file name without extension: "Keripik Tempe Bu Sari - Keripik
 * Tempe - v2 - Paket masukan", plus the mentor's name for one mentor's pack;
 * the same name a batch export gives it (see packFileName).
 */
export function packFileStem(
  input: { business: string; product: string; version: number },
  language: PackLanguage,
  mentorName: string | null = null,
  phone = false,
): string {
  return packFileName({ ...input, region: '', language, mentorName, phone }).file.replace(/\.pdf$/, '');
}

/**
 * A PNG name per face from the face's name in the pack's language ("depan.png",
 * "sisi kiri.png"); a second face of the same kind gets " 2", and so on.
 */
export function facePngNames(faces: readonly Face[], language: PackLanguage): string[] {
  const seen = new Map<string, number>();
  return faces.map((face) => {
    const name = messages[language].faces[face].toLocaleLowerCase(language === 'en' ? 'en-GB' : 'id-ID');
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return safeFileName(n === 1 ? name : `${name} ${n}`, 'png');
  });
}

const round = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

/**
 * The scores as CSV (UTF-8 with a BOM, as the session exports): one row per
 * criterion with its group, weight, score, scale, spread, level reached and
 * notes; then a subtotal row per group and the overall row. Numbers keep dot
 * decimals so spreadsheets read them as numbers.
 */
export function packScoresCsv(model: PackModel): string {
  const w = words(model.language).csv;
  const header = [w.group, w.criterion, w.weight, w.score, w.scaleMin, w.scaleMax, w.lowest, w.highest, w.level, w.notes];
  const rows: Cell[][] = [];
  for (const group of model.scores.groups) {
    for (const c of group.criteria) {
      rows.push([group.name, c.name, c.weightText, round(c.score), c.scale.min, c.scale.max, round(c.min), round(c.max), c.levelText, c.notes.join(' | ')]);
    }
  }
  for (const group of model.scores.groups) rows.push([group.name, w.subtotal, group.weightText, round(group.subtotal), 0, 100, null, null, null, null]);
  rows.push([null, w.overall, null, round(model.scores.overall.value), 0, 100, null, null, model.cover.overall.verdict, null]);
  return csvText({ name: w.criterion, header, rows });
}

/**
 * The review as JSON, for the participant's records or another tool: who,
 * what and when, the scores as the pack shows them, the action plan, and the
 * records behind them (the counted reviews, the marks shown, the checklists),
 * limited to the mentors the pack speaks for.
 */
export function packReviewJson(input: PackInput, model: PackModel): string {
  const inPack = new Set(model.mentors.map((m) => m.mentorId));
  const shown = new Set(model.faces.flatMap((f) => f.marks.map((m) => m.annotationId)));
  const reviews = countedReviews(input.reviews, input.submission.id, input.rubric.id).filter((r) => inPack.has(r.mentorId));
  const document = {
    format: 'kemas-studio/critique-pack-review',
    formatVersion: 1,
    language: model.language,
    generatedAt: new Date(input.generatedAt).toISOString(),
    mode: model.mode,
    // Named fields only: a workshop's own notes are the curators', not the participant's.
    workshop: {
      name: input.workshop.name,
      region: input.workshop.region,
      venue: input.workshop.venue,
      startDate: input.workshop.startDate,
      endDate: input.workshop.endDate,
    },
    participant: {
      business: input.participant.business,
      owner: input.participant.owner,
      product: input.participant.product,
      category: input.participant.category,
      city: input.participant.city,
      region: input.participant.region,
    },
    submission: { id: input.submission.id, version: input.submission.version, title: input.submission.title },
    rubric: { id: input.rubric.id, groups: input.rubric.groups },
    mentors: model.mentors.map(({ mentorId, name, organisation }) => ({ mentorId, name, organisation })),
    overall: { score: round(model.scores.overall.value), verdict: model.cover.overall.verdictCode, partial: model.scores.overall.partial },
    scores: model.scores.groups.map((g) => ({
      groupId: g.groupId,
      name: g.name,
      subtotal: round(g.subtotal),
      criteria: g.criteria.map((c) => ({ criterionId: c.criterionId, name: c.name, score: round(c.score), min: c.min, max: c.max, scale: c.scale, level: c.levelText, notes: c.notes })),
    })),
    actions: model.actions,
    versionChange: model.versionChange
      ? { from: model.versionChange.fromVersion, to: model.versionChange.toVersion, overall: model.versionChange.overall.change }
      : null,
    reviews,
    annotations: input.annotations.filter((a) => shown.has(a.id)),
    labelChecklists: input.labelChecklists.filter((c) => c.deletedAt === null && inPack.has(c.mentorId)),
  };
  return JSON.stringify(document, null, 2);
}
