import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listPackage, statFile } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale, projectRoot } from '../../../scripts/build.ts';

/**
 * The packaging dry run (shared/PITFALLS.md): electron-builder packages a
 * Linux folder (`--dir`) from the real configuration and the real build,
 * against a stand-in Electron folder, since the real Electron cannot be
 * downloaded here. The stand-in "binary" is a small file holding Electron's
 * fuse wire (the sentinel and Electron 45's default fuses), so electron-builder
 * flips the fuses for real and the test reads them back.
 */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** A fuse's state in the wire: ASCII '0' and '1'. */
const FuseState = { DISABLE: 0x30, ENABLE: 0x31 } as const;
/** Electron 45's defaults, in wire order (RunAsNode … GrantFileProtocolExtraPrivileges). */
const DEFAULT_WIRE = [1, 0, 1, 1, 0, 0, 0, 1];

let work: string;
let appDir: string;
let asarPath: string;
let entries: string[];
let packageLog = '';

beforeAll(async () => {
  buildIfStale();
  work = await mkdtemp(join(tmpdir(), 'kemas-asar-dry-run-'));
  const electronDist = join(work, 'electron');
  await mkdir(electronDist);
  const wire = Buffer.from([1, DEFAULT_WIRE.length, ...DEFAULT_WIRE.map((on) => (on ? FuseState.ENABLE : FuseState.DISABLE))]);
  await writeFile(
    join(electronDist, 'electron'),
    Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in Electron for a packaging dry run"\n'), Buffer.from(SENTINEL), wire, Buffer.alloc(16)]),
    { mode: 0o755 },
  );
  await writeFile(join(electronDist, 'version'), '45.5.0');

  const result = spawnSync(
    process.execPath,
    [
      join(projectRoot, 'node_modules', 'electron-builder', 'cli.js'),
      '--linux',
      'dir',
      '--x64',
      '--publish',
      'never',
      `-c.electronDist=${electronDist}`,
      `-c.directories.output=${join(work, 'dist')}`,
    ],
    { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, CI: 'true' } },
  );
  packageLog = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(`electron-builder failed:\n${packageLog}`);
  appDir = join(work, 'dist', 'linux-unpacked');
  asarPath = join(appDir, 'resources', 'app.asar');
  entries = listPackage(asarPath, { isPack: false });
}, 300_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

const has = (path: string) => entries.includes(path);
const unpackedDir = () => join(appDir, 'resources', 'app.asar.unpacked');

describe('packaging dry run (Linux --dir, stand-in Electron)', () => {
  it('puts the built main, preload, workers, renderer and the PDF fonts in the asar', () => {
    for (const path of [
      '/package.json',
      '/out/main/main.js',
      '/out/main/ingestWorker.js',
      '/out/main/packWorker.js',
      '/out/preload/preload.cjs',
      '/out/renderer/index.html',
      '/assets/fonts/NotoSans-Regular.ttf',
      '/assets/fonts/NotoSans-Bold.ttf',
    ]) {
      expect(has(path), path).toBe(true);
    }
    expect(entries.some((e) => /^\/out\/renderer\/assets\/index-[\w-]+\.js$/.test(e))).toBe(true);
  });

  it('leaves out sources, tests, TypeScript, source maps and the build resources', () => {
    const topLevel = new Set(entries.map((e) => e.split('/')[1]));
    expect([...topLevel].sort()).toEqual(['assets', 'node_modules', 'out', 'package.json']);
    expect(entries.filter((e) => e.startsWith('/assets/')).every((e) => e.startsWith('/assets/fonts'))).toBe(true);
    expect(entries.filter((e) => /\.(ts|tsx|mts|cts|map)$/.test(e))).toEqual([]);
  });

  it('carries no devDependency: React, Fabric, Dexie and the rest live bundled in out/', () => {
    const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    const packaged = new Set(entries.filter((e) => e.startsWith('/node_modules/')).map((e) => e.split('/').slice(2, e.split('/')[2]?.startsWith('@') ? 4 : 3).join('/')));
    const devOnly = Object.keys(pkg.devDependencies).filter((name) => !(name in pkg.dependencies));
    expect(devOnly).toEqual(expect.arrayContaining(['react', 'react-dom', 'fabric', 'dexie', 'electron', 'vite', 'vitest']));
    expect(devOnly.filter((name) => packaged.has(name))).toEqual([]);
    // The renderer bundle holds them instead.
    const bundle = readdirSync(join(projectRoot, 'out', 'renderer', 'assets')).find((f) => /^index-[\w-]+\.js$/.test(f)) ?? '';
    const code = readFileSync(join(projectRoot, 'out', 'renderer', 'assets', bundle), 'utf8');
    expect(code).toContain('Dexie');
    expect(code).toContain('fabric');
  });

  it('unpacks sharp and @img from the asar, with the WebAssembly sharp and no native sharp for Linux', () => {
    expect(statFile(asarPath, 'node_modules/sharp/package.json', false)).toMatchObject({ unpacked: true });
    expect(existsSync(join(unpackedDir(), 'node_modules', 'sharp', 'package.json'))).toBe(true);
    const wasm = entries.filter((e) => e.startsWith('/node_modules/@img/sharp-wasm32/') && e.endsWith('.wasm'));
    expect(wasm).not.toEqual([]);
    for (const file of wasm) {
      expect(statFile(asarPath, file.slice(1), false)).toMatchObject({ unpacked: true });
      expect(existsSync(join(unpackedDir(), file))).toBe(true);
    }
    const native = /\/@img\/sharp-(libvips-)?linux/;
    expect(entries.filter((e) => native.test(e))).toEqual([]);
    expect(readdirSync(join(unpackedDir(), 'node_modules', '@img')).filter((name) => /^sharp-(libvips-)?linux/.test(name))).toEqual([]);
  });

  it('flips the fuses in the packaged binary as electron-builder.yml says (the stand-in starts with Electron 45 defaults)', async () => {
    const wire = await getCurrentFuseWire(join(appDir, 'kemas-studio'));
    const state = (fuse: FuseV1Options) => wire[fuse];
    expect(state(FuseV1Options.RunAsNode)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(FuseState.ENABLE);
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe(FuseState.ENABLE);
    expect(state(FuseV1Options.EnableCookieEncryption)).toBe(FuseState.ENABLE);
    expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(FuseState.DISABLE);
  });
});
