import { EventEmitter } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchOpenedFiles } from '#electron/main/fileAssociation.ts';
import { createPendingFiles } from '#electron/services/openFiles.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kemas-file-association-'));
  await writeFile(join(dir, 'Workshop Malang.kemas'), 'bundle one');
  await writeFile(join(dir, 'ulasan dewi.kemas'), 'bundle two');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function setup(argv: string[] = ['/opt/Kemas Studio/kemas-studio']) {
  const app = new EventEmitter();
  const pending = createPendingFiles();
  const hooks = { show: vi.fn(), announce: vi.fn() };
  await watchOpenedFiles(app as unknown as App, { argv, cwd: dir }, pending, hooks);
  return { app, pending, hooks };
}

const names = async (pending: ReturnType<typeof createPendingFiles>) => (await pending.drain()).files.map((f) => f.name);


describe('the .kemas file association in main', () => {
  it('queues the bundle the studio was launched with (Windows, Linux), relative to the launch folder', async () => {
    const { pending, hooks } = await setup(['/opt/Kemas Studio/kemas-studio', '--no-sandbox', 'Workshop Malang.kemas']);
    expect(await names(pending)).toEqual(['Workshop Malang.kemas']);
    // The renderer asks at start-up; nothing to push yet.
    expect(hooks.announce).not.toHaveBeenCalled();
  });

  it('a second launch focuses the studio and offers its bundles', async () => {
    const { app, pending, hooks } = await setup();
    app.emit('second-instance', {}, ['C:\\Program Files\\Kemas Studio\\Kemas Studio.exe', '--allow-file-access-from-files', 'ulasan dewi.kemas'], dir);
    expect(hooks.show).toHaveBeenCalledTimes(1);
    // A drain waits for the queueing before it, so the push has happened by then.
    expect(await names(pending)).toEqual(['ulasan dewi.kemas']);
    expect(hooks.announce).toHaveBeenCalledTimes(1);
  });

  it('a second launch without a bundle only focuses the studio', async () => {
    const { app, pending, hooks } = await setup();
    app.emit('second-instance', {}, ['/opt/Kemas Studio/kemas-studio'], dir);
    expect(await names(pending)).toEqual([]);
    expect(hooks.show).toHaveBeenCalledTimes(1);
    expect(hooks.announce).not.toHaveBeenCalled();
  });

  it("macOS's open-file is taken (preventDefault), focuses the studio and offers the bundle", async () => {
    const { app, pending, hooks } = await setup();
    const event = { preventDefault: vi.fn() };
    app.emit('open-file', event, join(dir, 'Workshop Malang.kemas'));
    expect(event.preventDefault).toHaveBeenCalled();
    expect(await names(pending)).toEqual(['Workshop Malang.kemas']);
    expect(hooks.show).toHaveBeenCalledTimes(1);
    expect(hooks.announce).toHaveBeenCalledTimes(1);
  });

  it('open-file with something other than a bundle changes nothing', async () => {
    const { app, pending, hooks } = await setup();
    app.emit('open-file', { preventDefault: vi.fn() }, join(dir, 'foto.jpg'));
    expect(await pending.drain()).toEqual({ files: [], refused: [] });
    expect(hooks.show).not.toHaveBeenCalled();
    expect(hooks.announce).not.toHaveBeenCalled();
  });
});
