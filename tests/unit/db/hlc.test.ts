import { describe, expect, it } from 'vitest';
import { formatHlc, parseHlc, receive, tick, ZERO_HLC } from '../../../db/hlc.js';

describe('hybrid logical clock', () => {
  it('follows the wall clock when it moves forward', () => {
    expect(parseHlc(tick(ZERO_HLC, 1_000))).toEqual({ millis: 1_000, counter: 0 });
  });

  it('never goes backwards when the wall clock does', () => {
    const a = tick(ZERO_HLC, 5_000);
    const b = tick(a, 4_000);
    const c = tick(b, 4_500);
    expect(b > a).toBe(true);
    expect(c > b).toBe(true);
    expect(parseHlc(c).millis).toBe(5_000);
  });

  it('orders as strings the same way as (millis, counter)', () => {
    const values = [
      formatHlc({ millis: 9, counter: 10 }),
      formatHlc({ millis: 10, counter: 0 }),
      formatHlc({ millis: 9, counter: 2 }),
    ];
    expect([...values].sort()).toEqual([values[2], values[0], values[1]]);
  });

  it('moves past a remote clock it receives, so the next local tick sorts after it', () => {
    const local = tick(ZERO_HLC, 1_000);
    const remote = formatHlc({ millis: 9_000, counter: 3 });
    const next = tick(receive(local, remote), 2_000);
    expect(next > remote).toBe(true);
  });

  it('rejects text that is not a clock', () => {
    expect(() => parseHlc('yesterday')).toThrow();
  });
});
