// Lint: style, hooks, and the layer rule of shared/DESIGN.md. A wrong arrow
// between layers (renderer ↔ electron, shared → anything) fails `npm test`.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
// A layer is reached by a relative path or by its alias (package.json "imports": #shared/…, #electron/…, #renderer/…;
// the pattern escapes the "#", which would start a comment in these gitignore-style patterns).
const layer = (name, why) => ({ group: [`**/${name}/**`, `**/${name}`, `\\#${name}/**`], message: why });
const pkg = (name, why) => ({ name, message: why });

const noNode = nodeBuiltins.map((name) => pkg(name, 'Node is not available here: this code runs without Node.'));

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'No `export *` barrels: import from the file that defines it.' },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...noNode,
            pkg('electron', 'shared/ is pure: no Electron.'),
            pkg('react', 'shared/ is pure: no UI.'),
            pkg('dexie', 'shared/ is pure: only renderer/src/data imports dexie.'),
          ],
          patterns: [
            layer('electron', 'shared/ must not import the host side.'),
            layer('renderer', 'shared/ must not import the renderer.'),
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // What the app has to say goes through the UI or the host's log; a stray console line is a leftover.
      'no-console': ['error', { allow: ['error', 'warn'] }],
      'react-hooks/refs': 'off',
      // The app does not use the React Compiler; this only says the compiler would skip a component.
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...noNode,
            pkg('electron', 'The renderer talks to the host through renderer/src/host only.'),
            pkg('sharp', 'Images are processed in the host, never in the renderer.'),
            pkg('electron-store', 'Settings go through the host contract.'),
            pkg('conf', 'Settings go through the host contract.'),
            pkg('dexie', 'Only renderer/src/data imports dexie.'),
            pkg('dexie-react-hooks', 'Only renderer/src/data imports dexie.'),
            pkg('fabric', 'Only the canvas adapter imports fabric.'),
          ],
          patterns: [layer('electron', 'renderer/ must not import electron/: use the host contract.')],
        },
      ],
    },
  },
  {
    // Every CSV goes through renderer/src/ui/csvText.ts, which escapes cells that would start a formula.
    files: ['**/*.{ts,tsx}'],
    ignores: ['renderer/src/ui/csvText.ts', 'tests/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'No `export *` barrels: import from the file that defines it.' },
        {
          selector: "CallExpression[callee.property.name='unparse']",
          message: 'Write CSV with csvText (renderer/src/ui/csvText.ts): it escapes cells that would start a formula.',
        },
      ],
    },
  },
  {
    // The canvas adapter is the one door to Fabric.
    files: ['renderer/src/canvas/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...noNode, pkg('electron', 'The renderer talks to the host through renderer/src/host only.'), pkg('dexie', 'Only renderer/src/data imports dexie.')],
          patterns: [layer('electron', 'renderer/ must not import electron/: use the host contract.')],
        },
      ],
    },
  },
  {
    files: ['renderer/src/data/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...noNode, pkg('electron', 'The renderer talks to the host through renderer/src/host only.')],
          patterns: [layer('electron', 'renderer/ must not import electron/: use the host contract.')],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [pkg('react', 'The host has no UI code.'), pkg('dexie', 'The database lives in the renderer.')],
          patterns: [layer('renderer', 'electron/ must not import renderer/: share through shared/.')],
        },
      ],
    },
  },
  {
    // Services and the browser host run in plain Node as well: no Electron.
    files: ['electron/services/**/*.ts', 'electron/web/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            pkg('electron', 'Services must run in plain Node: pass Electron things in from electron/main.'),
            pkg('react', 'The host has no UI code.'),
            pkg('dexie', 'The database lives in the renderer.'),
          ],
          patterns: [layer('renderer', 'electron/ must not import renderer/: share through shared/.')],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'scripts/**/*.ts', '*.config.{ts,js}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
