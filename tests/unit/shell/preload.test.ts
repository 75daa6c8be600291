// The preload against a fake 'electron' module: window.valija is exactly the contract, over valija:call.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../../electron/api/contract.js';
import { fromBridgedError } from '../../../renderer/src/api/errors.js';

const exposed = new Map<string, Record<string, (...args: unknown[]) => unknown>>();
const invoked: unknown[][] = [];
let answer: unknown = { ok: true, value: [] };
const listeners = new Map<string, Set<(...args: unknown[]) => void>>();

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: Record<string, (...args: unknown[]) => unknown>) =>
      exposed.set(key, api),
  },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      invoked.push(args);
      return answer;
    },
    on: (channel: string, listener: (...args: unknown[]) => void) =>
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
    removeListener: (channel: string, listener: (...args: unknown[]) => void) =>
      listeners.get(channel)?.delete(listener),
  },
  webUtils: {
    getPathForFile: (file: { dropped?: string }) => {
      if (!file.dropped) throw new Error('not a file from the disk');
      return file.dropped;
    },
  },
}));

beforeAll(async () => {
  await import('../../../electron/preload.js');
});

describe('the preload', () => {
  it('exposes window.valija with exactly the contract methods, onProgress and pathForFile', () => {
    expect([...exposed.keys()]).toEqual(['valija']);
    expect(Object.keys(exposed.get('valija')!).sort()).toEqual(
      [...METHOD_NAMES, 'onProgress', 'pathForFile'].sort(),
    );
    expect(Object.isFrozen(exposed.get('valija'))).toBe(true);
  });

  it('gives the path of a dropped file, and null for anything else', () => {
    const pathForFile = exposed.get('valija')!.pathForFile!;
    expect(pathForFile({ dropped: '/home/ana/nota.pdf' })).toBe('/home/ana/nota.pdf');
    expect(pathForFile({})).toBeNull();
  });

  it('calls valija:call with the method and input, and unwraps the value', async () => {
    answer = { ok: true, value: [{ id: 'm1' }] };
    const value = await exposed.get('valija')!.list!({ kind: 'meeting' });
    expect(invoked.at(-1)).toEqual(['valija:call', 'list', { kind: 'meeting' }]);
    expect(value).toEqual([{ id: 'm1' }]);
  });

  it('throws an error carrying the code (also in the message, which survives the context bridge)', async () => {
    answer = { ok: false, error: { code: 'E_NOT_FOUND', message: 'no meeting x' } };
    const failure = (await (
      exposed.get('valija')!.get!({ kind: 'meeting', id: 'x' }) as Promise<unknown>
    ).catch((error: unknown) => error)) as Error & { code: string };
    expect(failure).toBeInstanceOf(Error);
    expect(failure.code).toBe('E_NOT_FOUND');
    expect(failure.message).toBe('[E_NOT_FOUND] no meeting x');
  });

  it('carries the details across the context bridge (message only), read back exactly whatever the message says', async () => {
    const signer = { fingerprint: '1111 2222', claimedName: 'Quito] [E_X details=%7B%7D] (ñ)', keyId: 'ab' };
    answer = {
      ok: false,
      error: { code: 'E_UNTRUSTED_SIGNER', message: '[E_INTERNAL details=%7B%7D] x', details: { signer } },
    };
    const failure = (await (exposed.get('valija')!.previewImport!({ file: 'p' }) as Promise<unknown>).catch(
      (error: unknown) => error,
    )) as Error;
    // What crosses the bridge is a plain Error with only its message.
    const bridged = fromBridgedError(new Error(`Error invoking remote method: ${failure.message}`));
    expect(bridged).toMatchObject({
      code: 'E_UNTRUSTED_SIGNER',
      message: '[E_INTERNAL details=%7B%7D] x',
      details: { signer },
    });
  });

  it('delivers progress events, without Electron’s event object, until unsubscribed', () => {
    const received: unknown[] = [];
    const unsubscribe = exposed.get('valija')!.onProgress!((event: unknown) =>
      received.push(event),
    ) as () => void;
    const progress = { jobId: 'j', kind: 'export', phase: 'running', done: 1, total: 2 };
    for (const listener of listeners.get('valija:progress') ?? []) listener({ sender: 'secret' }, progress);
    unsubscribe();
    for (const listener of listeners.get('valija:progress') ?? []) listener({ sender: 'secret' }, progress);
    expect(received).toEqual([progress]);
  });
});
