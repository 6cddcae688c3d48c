import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { rendererCss } from './css.config.ts';

// Ceilings, not waits: a test that is correct passes however busy the cores are
// (CI, or a laptop doing other work), and one that is wrong still fails.
const testTimeout = 60_000;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          setupFiles: ['tests/unit/setup.ts'],
          testTimeout,
        },
      },
      {
        plugins: [react()],
        css: rendererCss,
        test: {
          name: 'renderer',
          // CSS Modules get the app's own class names (css.config.ts); plain sheets stay unprocessed.
          css: { include: [/\.module\.css$/], modules: { classNameStrategy: 'scoped' } },
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/renderer/setup.ts'],
          testTimeout,
        },
      },
    ],
  },
});
