// docs/benchmarks.md holds one section per benchmark, each between `<!-- bench:<id> -->` and
// `<!-- /bench:<id> -->`; every package's bench replaces only its own block.

import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/** The workspace root: the nearest directory upwards with a pnpm-workspace.yaml. */
export function findRepoRoot(from: string = process.cwd()): string {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no pnpm-workspace.yaml above ${from}`);
    dir = parent;
  }
}

const HEADER = "# Benchmarks\n\nMeasured numbers, one section per benchmark; each is rewritten by its package's `bench` script.\n";

/** Replaces (or appends) the section `id` of docs/benchmarks.md; returns the file path. */
export async function writeBenchmarkSection(id: string, title: string, markdown: string, root: string = findRepoRoot()): Promise<string> {
  if (!/^[\w.-]+$/.test(id)) throw new Error(`benchmark id must be letters, digits, '.', '_' or '-': ${id}`);
  const file = join(root, 'docs', 'benchmarks.md');
  await mkdir(dirname(file), { recursive: true });
  const existing = existsSync(file) ? await readFile(file, 'utf8') : HEADER;
  const open = `<!-- bench:${id} -->`;
  const close = `<!-- /bench:${id} -->`;
  const block = `${open}\n## ${title}\n\n${markdown.trim()}\n${close}`;
  const start = existing.indexOf(open);
  const end = existing.indexOf(close);
  const next =
    start >= 0 && end > start
      ? `${existing.slice(0, start)}${block}${existing.slice(end + close.length)}`
      : `${existing.trimEnd()}\n\n${block}\n`;
  await writeFile(file, next);
  return file;
}
