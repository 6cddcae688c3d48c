import { describe, expect, it, vi } from 'vitest';
import type { HostBridge } from '#shared/contract/bridge.ts';
import { channels } from '#shared/contract/channels.ts';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, (event: unknown, payload: unknown) => void>();
  const exposed: Record<string, unknown> = {};
  return {
    listeners,
    exposed,
    contextBridge: { exposeInMainWorld: vi.fn((key: string, value: unknown) => (exposed[key] = value)) },
    ipcRenderer: {
      invoke: vi.fn(async (channel: string, request: unknown) => ({ ok: true, value: { channel, request } })),
      on: vi.fn((event: string, fn: (event: unknown, payload: unknown) => void) => listeners.set(event, fn)),
      removeListener: vi.fn((event: string) => listeners.delete(event)),
    },
  };
});
vi.mock('electron', () => electron);

await import('#electron/preload/preload.ts');
const bridge = electron.exposed.kemasHost as HostBridge;

describe('preload', () => {
  it('exposes exactly the contract functions, and never ipcRenderer itself', () => {
    expect(Object.keys(electron.exposed)).toEqual(['kemasHost']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onMenuCommand']);
    expect(Object.keys(bridge.invoke).sort()).toEqual([...channels].sort());
  });

  it('sends each call on its prefixed channel', async () => {
    await expect(bridge.invoke['settings.update']({ language: 'en' })).resolves.toEqual({
      ok: true,
      value: { channel: 'kemas:settings.update', request: { language: 'en' } },
    });
  });

  it('passes on menu commands it knows and drops anything else', () => {
    const heard: string[] = [];
    const stop = bridge.onMenuCommand((c) => heard.push(c));
    const deliver = electron.listeners.get('kemas:menu-command');
    deliver?.({}, 'workshop.new');
    deliver?.({}, 'rm -rf');
    deliver?.({}, { command: 'workshop.new' });
    expect(heard).toEqual(['workshop.new']);
    stop();
    expect(electron.listeners.has('kemas:menu-command')).toBe(false);
  });
});
