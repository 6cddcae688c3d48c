import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

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
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/renderer/setup.ts'],
          testTimeout,
        },
      },
    ],
  },
});
