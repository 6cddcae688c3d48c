import type { MigrationVersion } from './migration.ts';
import { TRUST_STEPS } from './v3/trust.ts';

/** Version 3 (provisional on this branch until the lead's scaffolding lands on main). */
export const V3: MigrationVersion = {
  version: 3,
  steps: [...TRUST_STEPS],
};
