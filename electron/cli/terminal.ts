// What the `valija` command writes holds text from packages (a signer's name, records' fields): a terminal
// must never receive a character it could act on — an escape sequence that redraws a line, a C1 control,
// a bidirectional control that reorders what is read. Each is written as a JSON-style \uXXXX escape instead,
// so JSON output stays JSON and reads back as sent.
const NON_PRINTABLE = /(?!\n)[\p{Cc}\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

const escapeChar = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Text for a terminal: every non-printable character but the line feed escaped. */
export function forTerminal(text: string): string {
  return text.replace(NON_PRINTABLE, escapeChar);
}
