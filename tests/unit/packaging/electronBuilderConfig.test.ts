import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');

// electron-builder cannot download Electron here, so the packaging config is checked offline
// (and asarDryRun.test.ts packages a Linux folder against a stand-in Electron).
describe('electron-builder.yml', () => {
  it('is a valid configuration with the security fuses set', async () => {
    const config = await getConfig(root, null, null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['node_modules/sharp/**', 'node_modules/@img/**', 'node_modules/@napi-rs/**']),
    );
    expect(JSON.stringify(config.files)).toContain('out/**');
    // The pack worker reads the PDF font from assets/fonts above out/ (electron/services/pack/packFonts.ts).
    expect(JSON.stringify(config.files)).toContain('assets/fonts/**');
  });

  it('builds NSIS for Windows, a dmg for macOS, AppImage and deb for Linux, each with its icon', async () => {
    const config = await getConfig(root, null, null);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    for (const icon of [config.win?.icon, config.mac?.icon, config.linux?.icon, 'assets/build/icon.png']) {
      expect(typeof icon).toBe('string');
      expect(existsSync(join(root, icon as string)), String(icon)).toBe(true);
    }
  });

  it('associates .kemas bundles with the studio', async () => {
    const config = await getConfig(root, null, null);
    const associations = [config.fileAssociations].flat();
    expect(associations).toEqual([expect.objectContaining({ ext: 'kemas', mimeType: 'application/x-kemas-bundle' })]);
  });

  it('leaves the native sharp for Linux out, so sharp falls back to its WebAssembly build', async () => {
    const config = await getConfig(root, null, null);
    const files = JSON.stringify(config.files);
    expect(files).toContain('!node_modules/@img/sharp-linux*/**');
    expect(files).toContain('!node_modules/@img/sharp-libvips-linux*/**');
    // The WebAssembly build is a production dependency, so it is packaged.
    const pkg = (await import('../../../package.json', { with: { type: 'json' } })).default as { dependencies: Record<string, string> };
    expect(pkg.dependencies['@img/sharp-wasm32']).toBe(pkg.dependencies.sharp);
  });
});
