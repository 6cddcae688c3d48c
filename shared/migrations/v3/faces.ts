import type { MigrationStep } from '../migration.ts';

/*
 * Version 3, faces you can correct (issue 14): a face is shown turned or mirrored through a stored
 * transform, never by changing its original. Every face stored before was shown as it came, which
 * is the identity transform.
 */
export const facesSteps: MigrationStep[] = [
  {
    table: 'assets',
    name: 'transform is the identity (shown as it came) on every face stored before',
    up: (asset) => (asset.transform === undefined ? { ...asset, transform: { quarterTurns: 0, flipX: false } } : asset),
  },
];
