import type { TFunction } from 'i18next';
import type { Bilingual } from '#shared/domain/record.ts';
import type { RubricFileProblem } from '#shared/scoring/rubricFile.ts';
import type { PublishProblem, RubricContent, RubricLanguage } from '#shared/scoring/rubricRules.ts';

/** The UI language as a rubric text language. */
export function textLanguage(language: string): RubricLanguage {
  return language === 'en' ? 'en' : 'id';
}

/** A name in the UI language, else in the other one, else null. */
export function nameIn(name: Bilingual, language: string): string | null {
  const first = textLanguage(language);
  const other: RubricLanguage = first === 'id' ? 'en' : 'id';
  return name[first].trim() || name[other].trim() || null;
}

/** A rubric's name for headings and lists, never empty. */
export function rubricTitle(name: Bilingual, t: TFunction, language: string): string {
  return nameIn(name, language) ?? t('rubrics.untitled');
}

/** Element ids of the editor's fields, by position, so a problem can move focus to its field. */
export const fieldIds = {
  rubricName: (l: RubricLanguage) => `rubric-name-${l}`,
  addGroup: 'rubric-add-group',
  groupName: (gi: number, l: RubricLanguage) => `rubric-g${gi}-name-${l}`,
  groupWeight: (gi: number) => `rubric-g${gi}-weight`,
  addCriterion: (gi: number) => `rubric-g${gi}-add`,
  criterionName: (gi: number, ci: number, l: RubricLanguage) => `rubric-g${gi}c${ci}-name-${l}`,
  criterionWeight: (gi: number, ci: number) => `rubric-g${gi}c${ci}-weight`,
  scale: (gi: number, ci: number, part: 'min' | 'max' | 'step') => `rubric-g${gi}c${ci}-${part}`,
  descriptor: (gi: number, ci: number, li: number, l: RubricLanguage) => `rubric-g${gi}c${ci}-l${li}-${l}`,
};

function languagesText(languages: readonly RubricLanguage[] | undefined, t: TFunction): string {
  if (!languages || languages.length !== 1) return t('rubrics.languages.both');
  return languages[0] === 'en' ? t('rubrics.languages.en') : t('rubrics.languages.id');
}

interface Located {
  gi: number;
  ci: number;
}

function locate(rubric: RubricContent, p: PublishProblem): Located {
  const gi = rubric.groups.findIndex((g) => g.id === p.groupId);
  const ci = gi >= 0 && p.criterionId ? (rubric.groups[gi]?.criteria.findIndex((c) => c.id === p.criterionId) ?? -1) : -1;
  return { gi, ci };
}

/** One problem as a sentence, and the id of the field that fixes it. */
export function describeProblem(
  rubric: RubricContent,
  p: PublishProblem,
  t: TFunction,
  language: string,
): { text: string; fieldId: string | null } {
  const { gi, ci } = locate(rubric, p);
  const group = rubric.groups[gi];
  const criterion = group?.criteria[ci];
  const groupRef = () => {
    const name = group ? nameIn(group.name, language) : null;
    return name ? t('rubrics.groupRef', { number: gi + 1, name }) : t('rubrics.groupRefUnnamed', { number: gi + 1 });
  };
  const criterionRef = () => {
    const number = `${gi + 1}.${ci + 1}`;
    const name = criterion ? nameIn(criterion.name, language) : null;
    return name ? t('rubrics.criterionRef', { number, name }) : t('rubrics.criterionRefUnnamed', { number });
  };
  const firstLanguage: RubricLanguage = p.languages?.[0] ?? 'id';
  switch (p.code) {
    case 'rubric-name-empty':
      return { text: t('rubrics.problems.rubricNameEmpty', { languages: languagesText(p.languages, t) }), fieldId: fieldIds.rubricName(firstLanguage) };
    case 'group-name-empty':
      return {
        text: t('rubrics.problems.groupNameEmpty', { group: groupRef(), languages: languagesText(p.languages, t) }),
        fieldId: fieldIds.groupName(gi, firstLanguage),
      };
    case 'criterion-name-empty':
      return {
        text: t('rubrics.problems.criterionNameEmpty', { criterion: criterionRef(), languages: languagesText(p.languages, t) }),
        fieldId: fieldIds.criterionName(gi, ci, firstLanguage),
      };
    case 'descriptors-empty': {
      let fieldId: string | null = null;
      criterion?.levels.some((l, li) => {
        const empty: RubricLanguage | undefined = !l.descriptor.id.trim() ? 'id' : !l.descriptor.en.trim() ? 'en' : undefined;
        if (empty) fieldId = fieldIds.descriptor(gi, ci, li, empty);
        return empty !== undefined;
      });
      return { text: t('rubrics.problems.descriptorsEmpty', { criterion: criterionRef(), count: p.value ?? 0 }), fieldId };
    }
    case 'no-groups':
      return { text: t('rubrics.problems.noGroups'), fieldId: fieldIds.addGroup };
    case 'group-weights-sum':
      return { text: t('rubrics.problems.groupWeightsSum', { sum: p.value ?? 0 }), fieldId: rubric.groups.length > 0 ? fieldIds.groupWeight(0) : null };
    case 'group-weight-negative':
      return { text: t('rubrics.problems.groupWeightNegative', { group: groupRef() }), fieldId: fieldIds.groupWeight(gi) };
    case 'group-empty':
      return { text: t('rubrics.problems.groupEmpty', { group: groupRef() }), fieldId: fieldIds.addCriterion(gi) };
    case 'criterion-weight-not-positive':
      return { text: t('rubrics.problems.criterionWeightNotPositive', { criterion: criterionRef() }), fieldId: fieldIds.criterionWeight(gi, ci) };
    case 'scale-invalid':
      return { text: t('rubrics.problems.scaleInvalid', { criterion: criterionRef() }), fieldId: fieldIds.scale(gi, ci, 'step') };
    case 'levels-count':
      return { text: t('rubrics.problems.levelsCount', { criterion: criterionRef() }), fieldId: fieldIds.scale(gi, ci, 'min') };
    case 'levels-off-scale':
      return { text: t('rubrics.problems.levelsOffScale', { criterion: criterionRef() }), fieldId: fieldIds.scale(gi, ci, 'min') };
    case 'duplicate-id':
      return {
        text: t('rubrics.problems.duplicateId', { where: ci >= 0 ? criterionRef() : groupRef() }),
        fieldId: ci >= 0 ? fieldIds.criterionName(gi, ci, 'id') : gi >= 0 ? fieldIds.groupName(gi, 'id') : null,
      };
  }
}

/** Why a rubric file was refused, as the end of the sentence "… could not be imported: ". */
export function fileProblemText(problem: RubricFileProblem, t: TFunction): string {
  switch (problem.code) {
    case 'too-large':
      return t('rubrics.fileProblems.tooLarge');
    case 'not-json':
      return t('rubrics.fileProblems.notJson');
    case 'not-rubric-file':
      return t('rubrics.fileProblems.notRubricFile');
    case 'newer-version':
      return t('rubrics.fileProblems.newerVersion', { version: problem.version });
    case 'invalid':
      return t('rubrics.fileProblems.invalid', { path: problem.path });
  }
}

/** Moves focus to a field, opening the level list it sits in when closed. */
export function focusField(id: string | null): void {
  if (!id) return;
  const element = document.getElementById(id);
  if (!element) return;
  const details = element.closest('details');
  if (details && !details.open) details.open = true;
  element.focus();
  element.scrollIntoView?.({ block: 'center' });
}
