import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface CorpusEntry {
  path: string;
  absolutePath: string;
  bytes: number;
  charsets: string[];
  tags: string[];
}

/** The corpus named by CORPUS_DIR (default ../shared/corpus), as listed in its INDEX.tsv. */
export function loadCorpus(): CorpusEntry[] {
  const dir = resolve(process.env.CORPUS_DIR ?? '../shared/corpus');
  const index = join(dir, 'INDEX.tsv');
  if (!existsSync(index)) throw new Error(`corpus not found: ${index} is missing (set CORPUS_DIR to the folder holding INDEX.tsv)`);
  const [header, ...rows] = readFileSync(index, 'utf8').split('\n').filter((line) => line.trim());
  const columns = header.split('\t');
  const at = (name: string) => columns.indexOf(name);
  return rows.map((row) => {
    const cells = row.split('\t');
    const path = cells[at('path')];
    return {
      path,
      absolutePath: join(dir, path),
      bytes: Number(cells[at('bytes')]),
      charsets: (cells[at('charsets')] ?? '').split(/[\s,]+/).filter(Boolean),
      tags: (cells[at('tags')] ?? '').split(/[\s,]+/).filter(Boolean),
    };
  });
}
