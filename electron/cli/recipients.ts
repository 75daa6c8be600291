// A book's distribution list, as `valija book --distribution FILE` reads it: JSON (an array of
// {name, post?, clearance?}) or CSV with a header row naming the columns name, post, clearance (quoted fields
// may hold commas and doubled quotes). Each row is checked; a bad one is E_INVALID naming its line.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { recipient } from '../api/contract.js';
import { invalid, ValijaError } from '../../domain/errors.js';

export const MAX_RECIPIENTS = 500;
const MAX_FILE_BYTES = 1024 * 1024;

const recipientSchema = recipient;

export type Recipient = z.infer<typeof recipientSchema>;

export function readRecipients(file: string): Recipient[] {
  let text: string;
  try {
    const bytes = readFileSync(file);
    if (bytes.length > MAX_FILE_BYTES) throw invalid(`the distribution list ${file} is over 1 MiB`);
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch (error) {
    if (error instanceof ValijaError) throw error;
    throw new ValijaError('E_IO', `cannot read the distribution list ${file}: ${(error as Error).message}`);
  }
  const rows = text.trimStart().startsWith('[') ? fromJson(text) : fromCsv(text);
  if (rows.length === 0) throw invalid(`the distribution list ${file} names no recipient`);
  if (rows.length > MAX_RECIPIENTS)
    throw invalid(`the distribution list has over ${MAX_RECIPIENTS} recipients`);
  return rows.map(({ where, row }) => {
    const parsed = recipientSchema.safeParse(row);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw invalid(`${where} of the distribution list: ${issue.path.join('.') || 'row'}: ${issue.message}`);
    }
    return Object.fromEntries(
      Object.entries(parsed.data).filter(([, value]) => value !== undefined && value !== ''),
    ) as Recipient;
  });
}

function fromJson(text: string): { where: string; row: unknown }[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw invalid(`the distribution list is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(json)) throw invalid('a JSON distribution list is an array of recipients');
  return json.map((row, i) => ({ where: `entry ${i + 1}`, row }));
}

function fromCsv(text: string): { where: string; row: unknown }[] {
  const lines = parseCsv(text);
  const [header, ...body] = lines;
  if (!header) return [];
  const columns = header.cells.map((cell) => cell.trim().toLowerCase());
  const known = ['name', 'post', 'clearance'];
  const unknown = columns.find((column) => !known.includes(column));
  if (unknown !== undefined || !columns.includes('name')) {
    throw invalid(
      `line ${header.line} of the distribution list: the header names the columns name, post, clearance${unknown !== undefined ? ` (not ${JSON.stringify(unknown)})` : ''}`,
    );
  }
  return body
    .filter((row) => row.cells.some((cell) => cell.trim() !== ''))
    .map((row) => {
      if (row.cells.length > columns.length) {
        throw invalid(`line ${row.line} of the distribution list has more fields than its header`);
      }
      const record: Record<string, string> = {};
      columns.forEach((column, i) => {
        const value = row.cells[i]?.trim() ?? '';
        if (value !== '') record[column] = column === 'clearance' ? value.toLowerCase() : value;
      });
      return { where: `line ${row.line}`, row: record };
    });
}

/** RFC 4180 CSV: commas, CRLF or LF, fields in double quotes with "" for a quote. */
function parseCsv(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        cell += char;
      }
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      rowLine = ++line;
    } else cell += char;
  }
  if (quoted) throw invalid(`line ${rowLine} of the distribution list: a quoted field is not closed`);
  if (cell !== '' || cells.length > 0) rows.push({ line: rowLine, cells: [...cells, cell] });
  return rows;
}
