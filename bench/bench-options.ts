/**
 * `--name value` from the command line, or `fallback`: a positive number (an integer when
 * `integer`; 0 allowed when `zero`). A bad value stops the bench naming the flag.
 */
export function option(name: string, fallback: number, { integer = false, zero = false } = {}): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  const kind = `${zero ? 'non-negative' : 'positive'} ${integer ? 'integer' : 'number'}`;
  if (!Number.isFinite(value) || value < 0 || (value === 0 && !zero) || (integer && !Number.isInteger(value))) throw new Error(`--${name} must be a ${kind}`);
  return value;
}

/** The p-th percentile of ascending `sorted` (nearest rank); NaN for none. */
export function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
