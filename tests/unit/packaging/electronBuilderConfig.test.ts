import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');

// electron-builder cannot download Electron here, so the packaging config is checked offline.
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
    });
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['node_modules/sharp/**', 'node_modules/@img/**', 'node_modules/@napi-rs/**']),
    );
    expect(JSON.stringify(config.files)).toContain('out/**');
    // The pack worker reads the PDF font from assets/fonts above out/ (electron/services/pack/packFonts.ts).
    expect(JSON.stringify(config.files)).toContain('assets/fonts/**');
  });
});
