import type { Annotation } from '../domain/annotation.ts';
import type { Review } from '../domain/review.ts';
import { VERDICTS } from '../domain/review.ts';
import { packActions } from './packActions.ts';
import { checklistCounts, packChecklistRows, registrationSentences } from './packChecklist.ts';
import { mentorColour, mentorLetter, PACK_SEVERITY_COLOURS } from './packColours.ts';
import { markLabel, packFaces, packPrintRows, type MarkMentor } from './packFaces.ts';
import { formatDateRange, formatMoment, formatNumber } from './packFormat.ts';
import type { PackInput, PackOptions } from './packInput.ts';
import type { PackAction, PackModel, PackScores } from './packModelSchema.ts';
import { countedReviews, packCountedVersion, packScores, packVersionChange } from './packScores.ts';
import { fill, lowerFirst, PACK_LOCALES, PACK_MESSAGES, studioMessages, type PackLanguage } from './packText.ts';

/** Longest action text quoted in the cover's summary; the action plan has it whole. */
const SUMMARY_QUOTE_CHARS = 160;
/** WIB, where the workshops happen: the year a P-IRT expiry is judged by. */
const WIB_OFFSET_MS = 7 * 3600 * 1000;

function quote(text: string): string {
  const chars = [...text];
  return chars.length <= SUMMARY_QUOTE_CHARS ? text : `${chars.slice(0, SUMMARY_QUOTE_CHARS - 1).join('').trimEnd()}…`;
}

/**
 * The verdict of the counted reviews: the most common one; a tie goes to the
 * more cautious (a participant is better told to revise than to print).
 */
export function combinedVerdict(reviews: readonly Pick<Review, 'verdict'>[]): Review['verdict'] {
  const counts = new Map<string, number>();
  for (const r of reviews) if (r.verdict) counts.set(r.verdict, (counts.get(r.verdict) ?? 0) + 1);
  let best: Review['verdict'] = null;
  let bestCount = 0;
  // VERDICTS runs from the most favourable to the most cautious, so ">=" lets a tie move to the cautious side.
  for (const verdict of VERDICTS) {
    const n = counts.get(verdict) ?? 0;
    if (n > 0 && n >= bestCount) {
      best = verdict;
      bestCount = n;
    }
  }
  return best;
}

function summaryLines(
  scores: PackScores,
  verdictText: string | null,
  actions: { mustFix: PackAction[]; strengths: PackAction[] },
  language: PackLanguage,
): [string, string, string] {
  const text = PACK_MESSAGES[language].summary;
  const score = scores.overall.value === null ? null : formatNumber(scores.overall.value, language);
  const first =
    score !== null && verdictText
      ? fill(text.score, { score, verdict: lowerFirst(verdictText) })
      : score !== null
        ? fill(text.scoreOnly, { score })
        : verdictText
          ? fill(text.verdictOnly, { verdict: lowerFirst(verdictText) })
          : text.notScored;
  const fix = actions.mustFix[0];
  const second = !fix
    ? text.nothingToFix
    : actions.mustFix.length > 1
      ? fill(text.fixCount, { count: actions.mustFix.length, item: quote(fix.text) })
      : fill(text.fixFirst, { item: quote(fix.text) });
  const strength = actions.strengths[0];
  let third = strength ? fill(text.strength, { item: quote(strength.text) }) : text.noStrength;
  if (!strength) {
    const rows = scores.groups.flatMap((g) => g.criteria).filter((c) => c.score !== null);
    const share = (c: (typeof rows)[number]) => ((c.score as number) - c.scale.min) / (c.scale.max - c.scale.min);
    const top = [...rows].sort((a, b) => share(b) - share(a))[0];
    if (top && share(top) >= 0.5) third = fill(text.strongest, { criterion: top.name });
  }
  return [first, second, third];
}

/**
 * The critique pack for one submission, as plain data (see packModelSchema.ts).
 *
 * Who is in it: a per-mentor pack has that mentor's review, marks and
 * checklist; a combined pack has every mentor's, except a mentor who declared
 * a conflict of interest. Scores come only from counted reviews (submitted, on
 * `input.rubric`, not abstained, no conflict); marks and checklists are shown
 * as they are. In a combined pack with marks from several mentors, each mentor
 * gets a letter and a colour; otherwise marks take their severity's colour.
 */
export function buildPackModel(input: PackInput, options: PackOptions): PackModel {
  const { language, mode } = options;
  const text = PACK_MESSAGES[language];
  const studio = studioMessages(language);
  const onlyMentor = mode === 'combined' ? null : mode.mentorId;
  const submissionId = input.submission.id;

  const liveReviews = input.reviews.filter((r) => r.deletedAt === null && r.submissionId === submissionId).map(packCountedVersion);
  const conflicted = new Set(liveReviews.filter((r) => r.conflictOfInterest).map((r) => r.mentorId));
  const inScope = (mentorId: string) => (onlyMentor === null ? !conflicted.has(mentorId) : mentorId === onlyMentor);

  const liveFaceIds = new Set(input.faces.filter((f) => f.deletedAt === null).map((f) => f.id));
  const annotations = input.annotations.filter(
    (a) => a.deletedAt === null && a.submissionId === submissionId && liveFaceIds.has(a.assetId) && inScope(a.mentorId),
  );
  const checklists = input.labelChecklists.filter((c) => c.deletedAt === null && c.submissionId === submissionId && inScope(c.mentorId));
  const counted = countedReviews(liveReviews, submissionId, input.rubric.id).filter((r) => inScope(r.mentorId));

  // Mentors in the pack, in the caller's order; ids the caller did not name come last.
  const known = new Map(input.mentors.map((m) => [m.id, m] as const));
  const contributing = new Set<string>(onlyMentor === null ? [] : [onlyMentor]);
  for (const list of [counted, annotations, checklists]) for (const r of list) contributing.add(r.mentorId);
  const mentorIds = [
    ...input.mentors.map((m) => m.id).filter((id) => contributing.has(id)),
    ...[...contributing].filter((id) => !known.has(id)).sort(),
  ];
  const order = new Map(mentorIds.map((id, i) => [id, i] as const));
  const byMentor = (a: { mentorId: string }, b: { mentorId: string }) => (order.get(a.mentorId) ?? 0) - (order.get(b.mentorId) ?? 0);
  counted.sort(byMentor);
  checklists.sort(byMentor);

  const markers = new Set(annotations.map((a) => a.mentorId));
  const colourBy = onlyMentor === null && markers.size > 1 ? 'mentor' : 'severity';
  const mentorName = (id: string) => known.get(id)?.name.trim() || text.cover.mentor;
  const mentors = mentorIds.map((id, i) => ({
    mentorId: id,
    name: mentorName(id),
    organisation: known.get(id)?.organisation.trim() ?? '',
    letter: colourBy === 'mentor' ? mentorLetter(i) : null,
    colour: colourBy === 'mentor' ? mentorColour(i) : null,
  }));
  const markMentors = new Map<string, MarkMentor>(mentors.map((m, i) => [m.mentorId, { order: i, name: m.name, letter: m.letter, colour: m.colour }]));

  const faces = packFaces(input.faces, annotations, markMentors, language, colourBy);
  const faceOf = new Map(input.faces.map((f) => [f.id, f.face] as const));
  const faceOrder = new Map(faces.map((f, i) => [f.assetId, i] as const));
  const refOf = (a: Annotation) => {
    const face = faceOf.get(a.assetId);
    const name = face ? lowerFirst(studio.faces[face]) : '?';
    return fill(text.actions.ref, { face: name, label: markLabel(a, markMentors.get(a.mentorId)) });
  };
  const readingOrder = [...annotations].sort(
    (a, b) => (faceOrder.get(a.assetId) ?? 0) - (faceOrder.get(b.assetId) ?? 0) || byMentor(a, b) || a.number - b.number,
  );

  const checklistRows = checklists.length > 0 ? packChecklistRows(checklists, annotations, refOf, language) : [];
  const currentYear = new Date(input.generatedAt + WIB_OFFSET_MS).getUTCFullYear();
  const registration = registrationSentences(input.participant.labelFacts, checklists, currentYear, language);
  const scores = packScores(input.rubric, counted, mentorName, language);
  const actions = packActions({
    reviews: counted,
    checklist: checklistRows,
    annotations: readingOrder,
    refOf,
    mentorName,
    showMentors: onlyMentor === null && mentorIds.length > 1,
    language,
  });

  const previous = input.previous;
  const versionChange = previous
    ? packVersionChange(
        { version: input.submission.version, rubric: input.rubric, reviews: counted },
        {
          version: previous.submission.version,
          rubric: previous.rubric,
          reviews: countedReviews(previous.reviews, previous.submission.id, previous.rubric.id).filter((r) =>
            onlyMentor === null ? !conflicted.has(r.mentorId) : true,
          ),
        },
        onlyMentor,
        language,
      )
    : null;

  const verdict = combinedVerdict(counted);
  const verdictText = verdict ? text.verdicts[verdict] : null;
  const { workshop, participant, submission } = input;
  const title = participant.product.trim() ? `${participant.business} – ${participant.product}` : participant.business;
  const fact = (label: string, value: string) => (value.trim() ? [{ label, value: value.trim() }] : []);
  const designValue = submission.title.trim()
    ? fill(text.cover.designVersionTitled, { version: submission.version, title: submission.title.trim() })
    : fill(text.cover.designVersion, { version: submission.version });
  const named = { who: title, version: submission.version };

  const warnings: PackModel['warnings'] = [];
  if (faces.length === 0) warnings.push({ code: 'no-faces', mentorId: null });
  if (counted.length === 0) warnings.push({ code: 'no-counted-review', mentorId: onlyMentor });
  for (const r of liveReviews) {
    if (!inScope(r.mentorId)) continue;
    if (r.status === 'draft') warnings.push({ code: 'draft-review', mentorId: r.mentorId });
    else if (r.rubricId !== input.rubric.id) warnings.push({ code: 'other-rubric', mentorId: r.mentorId });
  }
  for (const id of mentorIds) if (!known.has(id)) warnings.push({ code: 'unknown-mentor', mentorId: id });

  return {
    formatVersion: 1,
    language,
    mode,
    colourBy,
    meta: {
      title: fill(text.documentTitle, named),
      author: mentors.map((m) => m.name).join(', ') || text.cover.mentor,
      subject: fill(text.subject, { ...named, workshop: workshop.name }),
      keywords: fill(text.keywords, { region: participant.region.trim() || workshop.region.trim() }),
      lang: PACK_LOCALES[language],
    },
    footer: fill(text.footer, named),
    mentors,
    cover: {
      kicker: text.kicker,
      title,
      workshopFacts: [
        ...fact(text.cover.workshop, workshop.name),
        ...fact(text.cover.region, participant.region.trim() || workshop.region),
        ...fact(text.cover.venue, workshop.venue),
        ...fact(text.cover.date, workshop.startDate || workshop.endDate ? formatDateRange(workshop.startDate, workshop.endDate, language) : ''),
      ],
      participantFacts: [
        ...fact(text.cover.business, participant.business),
        ...fact(text.cover.owner, participant.owner),
        ...fact(text.cover.product, participant.product),
        ...fact(text.cover.category, studio.categories[participant.category]),
        ...fact(text.cover.city, participant.city),
        ...fact(text.cover.design, designValue),
      ],
      mentorsLabel: mentors.length > 1 ? text.cover.mentors : text.cover.mentor,
      overall: {
        label: text.cover.overall,
        value: scores.overall.value,
        display: scores.overall.value === null ? text.cover.noScore : formatNumber(scores.overall.value, language),
        outOf: text.cover.outOf,
        verdict: verdictText,
        verdictCode: verdict,
        note: scores.mentorsCounted > 1 ? fill(text.cover.combined, { count: scores.mentorsCounted }) : null,
      },
      summaryTitle: text.cover.summary,
      summary: summaryLines(scores, verdictText, actions, language),
      howToReadTitle: text.cover.howToRead,
      howToRead: text.cover.howToReadText,
      colourKeyTitle: colourBy === 'mentor' ? text.cover.colourByMentor : text.cover.colourBySeverity,
      colourKey:
        colourBy === 'mentor'
          ? mentors.map((m) => ({ colour: m.colour as string, label: `${m.letter} – ${m.name}` }))
          : (['must-fix', 'suggestion', 'strength'] as const).map((s) => ({ colour: PACK_SEVERITY_COLOURS[s], label: studio.review.severities[s] })),
      generated: fill(text.generated, { date: formatMoment(input.generatedAt, language) }),
    },
    actions,
    faces,
    scores,
    checklist: {
      available: checklistRows.length > 0,
      countsText: checklistRows.length > 0 ? checklistCounts(checklistRows, language) : text.checklist.none,
      rows: checklistRows.map(({ proof: _proof, ...row }) => row),
      registration: registration.sentences,
      registrationProblem: registration.problem,
    },
    print: packPrintRows(input.faces, participant.packDimensions, language),
    versionChange,
    warnings,
    text,
  };
}

