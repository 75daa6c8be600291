// The lock screens' pure parts: the idle timer on a hand-driven clock, and the first run's passphrase checks.
import { describe, expect, it } from 'vitest';
import { startIdleTimer, type IdleClock } from '../../../renderer/src/features/lock/idle.js';
import { passphraseProblem } from '../../../renderer/src/features/lock/passphrase.js';

/** A clock that moves only when told, running its timers as their time comes. */
function handClock() {
  let now = 0;
  let timers: { at: number; run: () => void; id: number }[] = [];
  let next = 1;
  const clock: IdleClock = {
    now: () => now,
    setTimeout: (run, ms) => {
      timers.push({ at: now + ms, run, id: next });
      return next++;
    },
    clearTimeout: (id) => {
      timers = timers.filter((timer) => timer.id !== id);
    },
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = timers.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      timers = timers.filter((timer) => timer !== due);
      now = due.at;
      due.run();
    }
    now = until;
  };
  return { clock, advance, pending: () => timers.length };
}

const MINUTE = 60_000;

describe('the idle timer', () => {
  it('fires once the page has gone unused for the limit, and only once', () => {
    const { clock, advance } = handClock();
    let fired = 0;
    startIdleTimer(MINUTE, () => fired++, clock);
    advance(MINUTE - 1);
    expect(fired).toBe(0);
    advance(1);
    expect(fired).toBe(1);
    advance(10 * MINUTE);
    expect(fired).toBe(1);
  });

  it('counts from the last activity', () => {
    const { clock, advance } = handClock();
    let fired = 0;
    const timer = startIdleTimer(5 * MINUTE, () => fired++, clock);
    advance(4 * MINUTE);
    timer.activity();
    advance(4 * MINUTE);
    expect(fired).toBe(0);
    timer.activity();
    advance(5 * MINUTE - 1);
    expect(fired).toBe(0);
    advance(1);
    expect(fired).toBe(1);
  });

  it('keeps one timer however often the page is used', () => {
    const { clock, advance, pending } = handClock();
    const timer = startIdleTimer(MINUTE, () => {}, clock);
    for (let i = 0; i < 100; i++) {
      advance(100);
      timer.activity();
    }
    expect(pending()).toBe(1);
  });

  it('never fires with a limit of 0 (never), nor once stopped', () => {
    const { clock, advance, pending } = handClock();
    let fired = 0;
    startIdleTimer(0, () => fired++, clock);
    expect(pending()).toBe(0);
    const timer = startIdleTimer(MINUTE, () => fired++, clock);
    timer.stop();
    advance(10 * MINUTE);
    expect(fired).toBe(0);
  });
});

describe('the first run passphrase checks', () => {
  it('asks for 12 characters or more (counted as characters, not UTF-16 units), typed the same twice', () => {
    expect(passphraseProblem('short', 'short')).toBe('short');
    expect(passphraseProblem('😀'.repeat(11), '😀'.repeat(11))).toBe('short');
    expect(passphraseProblem('tumbes quito loja cuenca', 'tumbes quito loja')).toBe('mismatch');
    expect(passphraseProblem('tumbes quito loja cuenca', 'tumbes quito loja cuenca')).toBeUndefined();
  });
});
