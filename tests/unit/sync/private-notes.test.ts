// Private stays private: no package — not even one signed by a trusted colleague — can change a note this
// computer keeps private, so nothing can make its text travel in the next export.
import { describe, expect, it } from 'vitest';
import { getRecord } from '../../../db/reader.js';
import { putRecords } from '../../../db/writer.js';
import { applyImport, previewImport } from '../../../electron/sync/importer.js';
import { tempStore } from '../../helpers.js';
import { dump, pkg, rebuild, signerOf } from '../../sync-helpers.js';

type Line = [string, string, string, string, Record<string, unknown>];
const byLogOrder = (a: Line, b: Line) => {
  for (let i = 0; i < 4; i++) if (a[i] !== b[i]) return (a[i] as string) < (b[i] as string) ? -1 : 1;
  return 0;
};

describe('private notes', () => {
  it('a package that names a private note of mine is refused whole, and the note stays private', async () => {
    const mine = tempStore();
    const [meeting] = putRecords(mine.writer, 'meeting', { title: 'Gabinete binacional' });
    const [note] = putRecords(mine.writer, 'annotation', {
      targetKind: 'meeting',
      targetId: meeting!.id,
      body: 'solo para mí: la línea roja es Tumbes',
      visibility: 'private',
    });
    // A trusted colleague who somehow learned the note's id flips it to shared, alongside a real edit.
    const colleague = tempStore();
    await applyImport(colleague, pkg(mine), { trust: true });
    putRecords(colleague.writer, 'meeting', { id: meeting!.id, place: 'Quito' });
    const flip = rebuild(pkg(colleague), signerOf(colleague), {
      lines: (lines) => {
        const parsed = lines.map((line) => JSON.parse(line) as Line);
        // Under the colleague's own device (whose head it signs), so only the private note can refuse it.
        const [, , hlc, device] = parsed.find(
          (l) => l[0] === 'meeting' && l[3] === colleague.device.deviceId,
        )!;
        parsed.push(['annotation', note!.id, hlc, device, { visibility: 'shared' }]);
        return parsed.sort(byLogOrder).map((line) => JSON.stringify(line));
      },
      // Counted as honestly as the rest, so only the private note can be what refuses it.
      manifest: (m) => void (m.counts.rows.annotation = (m.counts.rows.annotation ?? 0) + 1),
    });

    const before = dump(mine);
    await expect(previewImport(mine, flip, { trust: true })).rejects.toMatchObject({
      code: 'E_PACKAGE_CORRUPT',
    });
    await expect(applyImport(mine, flip, { trust: true })).rejects.toMatchObject({
      code: 'E_PACKAGE_CORRUPT',
    });
    expect(dump(mine)).toBe(before);
    expect(getRecord(mine.db, 'annotation', note!.id)).toMatchObject({
      visibility: 'private',
      body: 'solo para mí: la línea roja es Tumbes',
    });
    expect(pkg(mine).includes(Buffer.from('Tumbes'))).toBe(false);
  });
});
