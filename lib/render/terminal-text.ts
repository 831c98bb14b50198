/**
 * Text as it may reach a terminal: control characters (ESC sequences that set a window title or
 * clear the screen, C1 controls) and bidirectional overrides written as `\uXXXX`, which is also
 * a valid escape inside a JSON string; tab and newline stay.
 */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Text as one POSIX shell word, for a command people paste: as it is when plainly safe, else single-quoted. */
export function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
