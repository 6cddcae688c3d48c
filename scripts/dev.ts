// `npm run dev`: the browser host from source, with the renderer served by Vite in middleware
// mode on the same origin and port (so IndexedDB stays where `npm run web` keeps it).
//   - renderer/ changes reach the open page through Vite's hot reload (React Fast Refresh);
//   - electron/ and shared/ changes restart the host (node --watch-path), keeping its token,
//     so the open page carries on once the host is back.
// Same arguments as `npm run web` (--port, --data-dir, --print-url); the browser is not opened
// (open the launch file the host names, once).
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Server } from 'node:http';
import react from '@vitejs/plugin-react';
import { createServer } from 'vite';
import { rendererCss } from '../css.config.ts';
import { projectRoot } from './build.ts';

const TOKEN_VARIABLE = 'KEMAS_DEV_TOKEN';
const args = process.argv.slice(2);

/** The Vite dev server as the host's frontend: the renderer's own config (electron.vite.config.ts), served from memory. */
async function viteFrontend(server: Server) {
  const vite = await createServer({
    configFile: false,
    root: join(projectRoot, 'renderer'),
    plugins: [react()],
    css: rendererCss,
    appType: 'spa',
    clearScreen: false,
    // The hot-reload socket shares the host's port: one origin, one place for IndexedDB.
    server: { middlewareMode: true, hmr: { server } },
  });
  return { handle: vite.middlewares, close: () => vite.close() };
}

const token = process.env[TOKEN_VARIABLE];
if (token) {
  // The host itself, restarted by the watcher below on every change to its code.
  const { parseWebHostArgs, startWebHost } = await import('#electron/web/main.ts');
  const withoutOpen = args.includes('--no-open') ? args : [...args, '--no-open'];
  await startWebHost(parseWebHostArgs(withoutOpen), { token, frontend: viteFrontend });
} else {
  // The watcher: one token for every restart, so the page's cookie stays valid.
  const child = spawn(
    process.execPath,
    ['--watch-path=electron', '--watch-path=shared', '--watch-preserve-output', join(projectRoot, 'scripts', 'dev.ts'), ...args],
    { cwd: projectRoot, stdio: 'inherit', env: { ...process.env, [TOKEN_VARIABLE]: randomBytes(24).toString('hex') } },
  );
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}
