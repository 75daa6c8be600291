// Locking from this page: once the page has asked the store to lock (and is about to reload), a call answering
// E_LOCKED no longer sends the gate to ask the session — that request would only be cut off by the reload.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../../electron/api/contract.js';

/** A desktop bridge whose every call answers E_LOCKED the way IPC carries it. */
function lockedBridge() {
  const bridge: Record<string, unknown> = { onProgress: () => () => undefined };
  for (const method of METHOD_NAMES) {
    bridge[method] = () => Promise.reject(new Error(`[E_LOCKED] the store is locked`));
  }
  return bridge;
}

async function freshClient() {
  vi.resetModules();
  vi.stubGlobal('window', { valija: lockedBridge() });
  return import('../../../renderer/src/api/client.js');
}

afterEach(() => vi.unstubAllGlobals());

describe('a call answering E_LOCKED', () => {
  it('tells the gate when another tab or the idle timer locked the store', async () => {
    const client = await freshClient();
    const told = vi.fn();
    client.onLocked(told);
    await expect(client.api().recent({ limit: 10 })).rejects.toMatchObject({ code: 'E_LOCKED' });
    expect(told).toHaveBeenCalledTimes(1);
  });

  it('does not, once this page is locking the store itself and will reload', async () => {
    const client = await freshClient();
    const told = vi.fn();
    client.onLocked(told);
    client.lockingThisPage();
    await expect(client.api().recent({ limit: 10 })).rejects.toMatchObject({ code: 'E_LOCKED' });
    expect(told).not.toHaveBeenCalled();
  });
});
