import { createHash } from 'node:crypto';
import { basename, relative } from 'node:path';
import type { CSSOptions } from 'vite';

const root = import.meta.dirname;

/**
 * CSS Modules for the renderer (`*.module.css`), shared by the build (electron.vite.config.ts), `npm run dev` and the
 * renderer's Vitest project, so a class name is the same everywhere.
 *
 * - Scoped names stay readable in DevTools and identical in every mode: `<file>_<class>_<5 hex of the file's path>`,
 *   e.g. `sessions_session-kpis_3f2a1`. Hex keeps them valid in a selector without escaping (querySelector).
 * - `camelCase`: each class is exported as written and in camelCase, so `styles.sessionKpis` reads well and a name
 *   built from data can still be looked up as written: `styles[`checklist-item-${status}`]`.
 */
export const rendererCss: CSSOptions = {
  modules: {
    localsConvention: 'camelCase',
    generateScopedName(name: string, filename: string) {
      const file = relative(root, filename.split('?')[0] ?? filename).replaceAll('\\', '/');
      const hash = createHash('sha256').update(file).digest('hex').slice(0, 5);
      return `${basename(file).replace(/\.module\.css$/, '')}_${name}_${hash}`;
    },
  },
};
