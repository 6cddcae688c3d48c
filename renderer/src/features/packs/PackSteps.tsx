import { useTranslation } from 'react-i18next';
import type { PackFormat, PackProgress, PackStep } from './exportPack.ts';
import styles from './packs.module.css';
import { cx } from '../../ui/cx.ts';

/** The steps of making a pack (or another document the pack workers draw), each done, in progress or waiting, in words as well as marks. */
export function PackSteps({ steps, progress, format, label: barLabel }: { steps: readonly PackStep[]; progress: PackProgress; format: PackFormat; label?: string }) {
  const { t } = useTranslation();
  const current = steps.indexOf(progress.step);
  const label = (step: PackStep) => {
    if (step === 'rendering') return format === 'zip' ? t('packs.steps.renderingZip') : t('packs.steps.rendering');
    if (step === 'drawing' && progress.step === 'drawing' && progress.total) {
      return t('packs.steps.drawingCount', { done: progress.done ?? 0, total: progress.total });
    }
    return t(`packs.steps.${step}`);
  };
  return (
    <>
      <progress className={styles.packProgressBar} max={steps.length} value={current} aria-label={barLabel ?? t('packs.progressTitle')} />
      <ol className={styles.packSteps}>
        {steps.map((step, i) => {
          const state = i < current ? 'done' : i === current ? 'active' : 'pending';
          return (
            <li key={step} className={cx(styles.packStep, styles[`pack-step-${state}`])} aria-current={state === 'active' ? 'step' : undefined}>
              <span className={styles.packStepMark} aria-hidden="true">
                {state === 'done' ? '✓' : state === 'active' ? '●' : '○'}
              </span>
              <span>{label(step)}</span> <span className="visually-hidden">({t(`packs.stepStates.${state}`)})</span>
            </li>
          );
        })}
      </ol>
    </>
  );
}
