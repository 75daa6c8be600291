// The book builder's distribution list as typed: one recipient per line, "name; post; clearance", post and
// clearance optional. A clearance is a level's name in either language (or its code); a line that cannot be
// read is named by its number, and nothing is printed until every line reads.
import { CLASSIFICATIONS, type Classification } from '../../../../domain/kinds.js';

export interface TypedRecipient {
  name: string;
  post?: string;
  clearance?: Classification;
}

export type RecipientsRead = { recipients: TypedRecipient[]; badLines: number[] };

/** `label(level)`: a level's name as the page shows it; codes are read too. */
export function readRecipientLines(text: string, label: (level: Classification) => string): RecipientsRead {
  const fold = (word: string) =>
    word
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .trim()
      .toLowerCase();
  const levels = new Map<string, Classification>();
  for (const level of CLASSIFICATIONS) {
    levels.set(level, level);
    levels.set(fold(label(level)), level);
  }
  const recipients: TypedRecipient[] = [];
  const badLines: number[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const [name = '', post = '', clearance = '', ...rest] = line.split(';').map((part) => part.trim());
    const level = clearance ? levels.get(fold(clearance)) : undefined;
    if (!name || name.length > 200 || post.length > 200 || rest.length > 0 || (clearance && !level)) {
      badLines.push(i + 1);
      return;
    }
    recipients.push({ name, ...(post ? { post } : {}), ...(level ? { clearance: level } : {}) });
  });
  return { recipients, badLines };
}
