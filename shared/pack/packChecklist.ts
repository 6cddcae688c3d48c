import type { Annotation } from '../domain/annotation.ts';
import { LABEL_ITEMS, type LabelChecklist } from '../domain/labelChecklist.ts';
import type { Participant } from '../domain/participant.ts';
import { checkRegistration, proofOf, type LabelItem, type LabelItemStatus } from '../scoring/labelCheck.ts';
import { PIRT_PACKAGING } from '../scoring/pirt.ts';
import { fill, lowerFirst, PACK_MESSAGES, studioMessages, type PackLanguage } from './packText.ts';

export type PackItemStatus = LabelItemStatus | 'unchecked';

export interface PackChecklistRow {
  item: LabelItem;
  name: string;
  status: PackItemStatus;
  statusText: string;
  note: string;
  markText: string | null;
  problem: boolean;
  /** The annotation that shows the item on the artwork, when there is one. */
  proof: Annotation | null;
}

/** Which status wins when mentors disagree: a problem is never hidden by another mentor's "present". */
const STATUS_WEIGHT: Readonly<Record<PackItemStatus, number>> = { wrong: 4, missing: 3, present: 2, 'not-applicable': 1, unchecked: 0 };
/** Rows are listed problems first: what the participant must act on. */
const ROW_ORDER: Readonly<Record<PackItemStatus, number>> = { missing: 0, wrong: 0, present: 1, 'not-applicable': 2, unchecked: 3 };

/**
 * The label checklist as the pack shows it: one row per item, the most
 * serious status any included mentor gave (with that mentor's note and proof),
 * problems first and otherwise in the regulation's order.
 */
export function packChecklistRows(
  checklists: readonly LabelChecklist[],
  annotations: readonly Annotation[],
  refOf: (annotation: Annotation) => string,
  language: PackLanguage,
): PackChecklistRow[] {
  const text = PACK_MESSAGES[language].checklist;
  const names = studioMessages(language).checklist.items;
  const rows = LABEL_ITEMS.map((item, index) => {
    let chosen: { checklist: LabelChecklist; status: LabelItemStatus; note: string } | null = null;
    for (const checklist of checklists) {
      const entry = checklist.items[item];
      if (entry && (chosen === null || STATUS_WEIGHT[entry.status] > STATUS_WEIGHT[chosen.status])) {
        chosen = { checklist, status: entry.status, note: entry.note.trim() };
      }
    }
    const status: PackItemStatus = chosen?.status ?? 'unchecked';
    const proof = chosen ? proofOf(chosen.checklist.items, item, annotations, chosen.checklist.mentorId).proof?.annotation ?? null : null;
    return {
      index,
      row: {
        item,
        name: names[item],
        status,
        statusText: text.statuses[status],
        note: chosen?.note ?? '',
        markText: proof ? fill(text.seeMark, { ref: refOf(proof) }) : null,
        problem: status === 'missing' || status === 'wrong',
        proof,
      },
    };
  });
  return rows.sort((a, b) => ROW_ORDER[a.row.status] - ROW_ORDER[b.row.status] || a.index - b.index).map((r) => r.row);
}

/** "7 present, 2 missing, …" over the rows. */
export function checklistCounts(rows: readonly PackChecklistRow[], language: PackLanguage): string {
  const count = (status: PackItemStatus) => rows.filter((r) => r.status === status).length;
  return fill(PACK_MESSAGES[language].checklist.counts, {
    present: count('present'),
    missing: count('missing'),
    wrong: count('wrong'),
    na: count('not-applicable'),
    unchecked: count('unchecked'),
  });
}

/**
 * Plain sentences about the registration number: the one declared, the one
 * printed on the pack (as the mentor read it) and whether they agree, a P-IRT
 * packaging code that contradicts the declared material, an expired P-IRT.
 */
export function registrationSentences(
  facts: Participant['labelFacts'],
  checklists: readonly LabelChecklist[],
  currentYear: number,
  language: PackLanguage,
): { sentences: string[]; problem: boolean } {
  const text = PACK_MESSAGES[language].checklist;
  const materials = studioMessages(language).materials;
  const onLabel = checklists.map((c) => c.registrationOnLabel.trim()).find((n) => n !== '') ?? '';
  const check = checkRegistration(facts, { onLabel, currentYear });
  const sentences: string[] = [];
  let problem = false;
  sentences.push(check.declared.kind === 'empty' ? text.declaredNone : fill(text.declared, { number: check.declared.written }));
  if (check.onLabel) {
    sentences.push(fill(text.onLabel, { number: check.onLabel.reading.written }));
    if (check.onLabel.sameAsDeclared === true) sentences.push(text.same);
    if (check.onLabel.sameAsDeclared === false) {
      sentences.push(text.different);
      problem = true;
    }
  }
  const material = check.onLabel && check.onLabel.sameAsDeclared === false ? check.onLabel.material : check.material;
  if (material.status === 'mismatch' && material.declared !== null) {
    const coded = material.codedMaterial
      ? materials[material.codedMaterial]
      : material.packagingCode !== null
        ? (PIRT_PACKAGING[material.packagingCode]?.label[language] ?? '?')
        : '?';
    sentences.push(fill(text.materialMismatch, { coded: lowerFirst(coded), declared: lowerFirst(materials[material.declared]) }));
    problem = true;
  }
  if (check.declared.warnings.includes('expired') || check.onLabel?.reading.warnings.includes('expired')) {
    sentences.push(text.expired);
    problem = true;
  }
  return { sentences, problem };
}
