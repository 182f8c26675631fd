// Pulls the rows out of the markdown tables a benchmark prints: the first
// cell names the case, the others become column=value pairs.

/** One row of a benchmark table. */
export interface BenchRow {
  case: string;
  values: Record<string, string>;
}

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

const SEPARATOR = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/;

/** Every data row of every markdown table in `text`. */
export function parseMarkdownTables(text: string): BenchRow[] {
  const lines = text.split(/\r?\n/);
  const rows: BenchRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (!SEPARATOR.test(lines[i]!.trim()) || !lines[i - 1]!.includes('|')) {
      continue;
    }
    const header = cells(lines[i - 1]!);
    for (
      let j = i + 1;
      j < lines.length && lines[j]!.trim().startsWith('|');
      j++
    ) {
      const row = cells(lines[j]!);
      const values: Record<string, string> = {};
      header.slice(1).forEach((name, c) => {
        values[name] = row[c + 1] ?? '';
      });
      rows.push({ case: `${header[0]}: ${row[0] ?? ''}`, values });
    }
  }
  return rows;
}
