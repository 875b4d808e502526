/** An error for the status row: its message only (never a stack, never credentials). */
export function statusErrorOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 500);
  const response = (error as { responseText?: unknown }).responseText;
  const text = typeof response === 'string' && response ? `${error.message}: ${response}` : error.message;
  return text.slice(0, 500);
}
