import RE2 from 're2';
import type { RuleField } from './rule.js';

/** Where one regex condition sits in its bank: the group of its field and case, and its place there. */
export interface RegexSlot {
  readonly group: string;
  readonly index: number;
}

interface RegexGroup {
  readonly field: RuleField;
  readonly caseSensitive: boolean;
  readonly sources: string[];
  readonly regexes: { test(value: Buffer): boolean }[];
  set?: { match(value: Buffer): number[] };
}

/**
 * The regex conditions of one rule set, grouped by field and case: each group runs as one
 * RE2.Set (one automaton) over a value, so a mail's body is scanned once however many rules test
 * it with a regex — 200 rules used to mean dozens of scans of the same 64 KiB. RE2.Set keeps
 * matching linear in the text, like the single regexes it stands for. Should a group not build as
 * a set (RE2's memory budget), its regexes run one by one, with the same answers.
 */
export class RegexBank {
  private readonly groups = new Map<string, RegexGroup>();
  private sealed = false;

  /** Adds a compiled regex (compileLinearRegex: it is known to compile) and says where to find its answer. */
  add(field: RuleField, caseSensitive: boolean, source: string, regex: { test(value: Buffer): boolean }): RegexSlot {
    if (this.sealed) throw new Error('the regex bank is sealed: its sets are built');
    const group = `${caseSensitive ? 's' : 'i'}:${field}`;
    let entry = this.groups.get(group);
    if (!entry) this.groups.set(group, (entry = { field, caseSensitive, sources: [], regexes: [] }));
    entry.sources.push(source);
    entry.regexes.push(regex);
    return { group, index: entry.regexes.length - 1 };
  }

  /** Builds each group's set, once every rule is compiled. */
  seal(): void {
    this.sealed = true;
    for (const entry of this.groups.values()) {
      if (entry.regexes.length < 2) continue;
      try {
        entry.set = new RE2.Set(entry.sources, entry.caseSensitive ? 'u' : 'iu');
      } catch {
        entry.set = undefined;
      }
    }
  }

  /** For each group asked, which of its regexes match any of the field's values (UTF-8). */
  matcher(bytesOf: (field: RuleField) => readonly Buffer[]): (slot: RegexSlot) => boolean {
    const answers = new Map<string, Uint8Array>();
    return (slot) => {
      let matched = answers.get(slot.group);
      if (!matched) answers.set(slot.group, (matched = this.run(this.groups.get(slot.group)!, bytesOf)));
      return matched[slot.index] === 1;
    };
  }

  private run(group: RegexGroup, bytesOf: (field: RuleField) => readonly Buffer[]): Uint8Array {
    const matched = new Uint8Array(group.regexes.length);
    for (const value of bytesOf(group.field)) {
      if (group.set) for (const index of group.set.match(value)) matched[index] = 1;
      else group.regexes.forEach((regex, index) => {
        if (matched[index] === 0 && regex.test(value)) matched[index] = 1;
      });
    }
    return matched;
  }
}
