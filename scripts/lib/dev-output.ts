/** What `npm start` prints itself: `[dev-start]` lines, coloured only on a terminal. */

const tty = process.stdout.isTTY === true;

export const paint = (code: number, text: string): string => (tty ? `\u001b[${code}m${text}\u001b[0m` : text);
export const bold = (text: string): string => paint(1, text);
export const say = (line: string): void => void process.stdout.write(`${paint(90, '[dev-start]')} ${line}\n`);
export const warn = (line: string): void => void process.stderr.write(`${paint(31, '[dev-start]')} ${line}\n`);

export function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
