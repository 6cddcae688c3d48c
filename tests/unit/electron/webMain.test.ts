import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseWebHostArgs } from '#electron/web/main.ts';
import { DEFAULT_PORT } from '#electron/web/webHost.ts';

describe('parseWebHostArgs', () => {
  beforeEach(() => {
    vi.stubEnv('KEMAS_DATA_DIR', undefined);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('uses the fixed default port and opens the browser by default', () => {
    expect(DEFAULT_PORT).toBe(4781);
    expect(parseWebHostArgs([])).toEqual({ port: 4781, open: true, printUrl: false, dataDir: undefined });
  });

  it('takes another port and --no-open', () => {
    expect(parseWebHostArgs(['--port', '5190', '--no-open'])).toEqual({ port: 5190, open: false, printUrl: false, dataDir: undefined });
    expect(parseWebHostArgs(['--print-url'])).toMatchObject({ open: true, printUrl: true });
    expect(parseWebHostArgs(['--port=5191'])).toMatchObject({ port: 5191, open: true });
  });

  it('takes a data folder from --data-dir, else from KEMAS_DATA_DIR', () => {
    expect(parseWebHostArgs(['--data-dir', '/tmp/kemas data']).dataDir).toBe('/tmp/kemas data');
    vi.stubEnv('KEMAS_DATA_DIR', '/srv/kemas');
    expect(parseWebHostArgs([]).dataDir).toBe('/srv/kemas');
    expect(parseWebHostArgs(['--data-dir', '/tmp/override']).dataDir).toBe('/tmp/override');
  });

  it.each([['abc'], ['0'], ['65536'], ['-1'], ['80.5'], [''], ['0x1f90'], ['1e3'], [' 5190 '], ['5190.0']])('rejects --port %j', (port) => {
    expect(() => parseWebHostArgs(['--port', port])).toThrow(/port/i);
  });

  it('rejects a --port without a value', () => {
    expect(() => parseWebHostArgs(['--port'])).toThrow();
  });

  it.each([['--open'], ['--host', '0.0.0.0'], ['--token', 'x'], ['stray']])('rejects unknown arguments %j', (...argv) => {
    expect(() => parseWebHostArgs(argv)).toThrow();
  });
});

describe('electron/web/main.ts as a module', () => {
  it('does not start a server or open a browser when imported', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    vi.resetModules();
    const module = await import('#electron/web/main.ts');
    expect(typeof module.startWebHost).toBe('function');
    expect(log).not.toHaveBeenCalled();
    log.mockRestore();
  });
});
