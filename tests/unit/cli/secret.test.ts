// The passphrase prompt on a terminal: raw mode while typing, nothing echoed, backspace honoured, Ctrl+C
// cancels, and the terminal is left as it was.
import { EventEmitter } from 'node:events';
import type { ReadStream } from 'node:tty';
import { describe, expect, it } from 'vitest';
import { askSecret } from '../../../electron/cli/secret.js';

function terminal() {
  const input = Object.assign(new EventEmitter(), {
    raw: false,
    setRawMode(on: boolean) {
      this.raw = on;
      return this;
    },
    resume() {},
    pause() {},
    setEncoding() {},
  });
  let written = '';
  const output = { write: (text: string) => ((written += text), true) } as unknown as NodeJS.WriteStream;
  return { input, output, written: () => written };
}

describe('askSecret', () => {
  it('reads a passphrase without echoing it, honouring backspace, then restores the terminal', async () => {
    const { input, output, written } = terminal();
    const answer = askSecret('Passphrase: ', input as unknown as ReadStream, output);
    expect(input.raw).toBe(true);
    input.emit('data', 'secreto x');
    input.emit('data', '\u007f\u007fmuy largo\r');
    await expect(answer).resolves.toBe('secretomuy largo');
    expect(written()).toBe('Passphrase: \n');
    expect(input.raw).toBe(false);
    expect(input.listenerCount('data')).toBe(0);
  });

  it('Ctrl+C cancels', async () => {
    const { input, output } = terminal();
    const answer = askSecret('Passphrase: ', input as unknown as ReadStream, output);
    input.emit('data', 'abc\u0003');
    await expect(answer).rejects.toMatchObject({ code: 'E_CANCELLED' });
    expect(input.raw).toBe(false);
  });
});
