import RE2 from 're2';

/**
 * Regular expressions of rules run on RE2 (the `re2` package): matching is linear in the text,
 * whatever the pattern, so no rule can hang the router the way `(a+)+$` hangs a backtracking
 * engine. RE2 has no backreferences or lookaround; a pattern using them is refused.
 */
export type CompiledRegex = { ok: true; regex: { test(text: string | Buffer): boolean } } | { ok: false; reason: string };

export function compileLinearRegex(source: string, caseSensitive: boolean): CompiledRegex {
  try {
    return { ok: true, regex: new RE2(source, caseSensitive ? 'u' : 'iu') };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `invalid regex: ${detail} (RE2 syntax: no backreferences or lookaround)` };
  }
}
