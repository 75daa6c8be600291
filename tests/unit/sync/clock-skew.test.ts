// Clock sanity: a change dated ahead of this computer's clock would win every real edit of its field until
// that time comes, so a package holding one more than a few minutes ahead is refused, naming the device
// whose clock is wrong and by how much.
import { describe, expect, it } from 'vitest';
import { putRecords } from '../../../db/writer.js';
import { applyImport, previewImport } from '../../../electron/sync/importer.js';
import { tempStore } from '../../helpers.js';
import { dump, memoryStore, pkg } from '../../sync-helpers.js';

const NOW = Date.parse('2026-12-05T10:00:00Z');
const MINUTE = 60_000;

/** A package from a colleague whose computer's clock runs `minutesAhead` ahead of ours. */
function packageFromAhead(minutesAhead: number) {
  const colleague = memoryStore({ now: NOW + minutesAhead * MINUTE });
  putRecords(colleague.writer, 'party', { name: 'Ecuador' });
  return { bytes: pkg(colleague), device: colleague.device.deviceId };
}

describe('clock sanity', () => {
  it('refuses changes dated more than the tolerance ahead, naming the device and how far ahead', async () => {
    const { bytes, device } = packageFromAhead(30);
    const mine = tempStore();
    const before = dump(mine);
    for (const step of [previewImport, applyImport]) {
      const refusal = step(mine, bytes, { trust: true, now: NOW });
      await expect(refusal).rejects.toMatchObject({ code: 'E_CLOCK_SKEW' });
      await expect(refusal).rejects.toThrow(new RegExp(`${device}.*30 minutes ahead`));
    }
    expect(dump(mine)).toBe(before);
  });

  it('accepts a clock a few minutes ahead (within the tolerance)', async () => {
    const { bytes } = packageFromAhead(4);
    const report = await applyImport(tempStore(), bytes, { trust: true, now: NOW });
    expect(report.applied).toBe(true);
  });

  it('takes a wider tolerance when asked', async () => {
    const { bytes } = packageFromAhead(30);
    const report = await applyImport(tempStore(), bytes, {
      trust: true,
      now: NOW,
      maxClockSkewMs: 60 * MINUTE,
    });
    expect(report.applied).toBe(true);
  });
});
