/**
 * CSV text to rows. The splitting itself is Apps Script's Utilities.parseCsv (passed in, so the core
 * stays pure); around it: the UTF-8 BOM, Windows and old-Mac line ends, the separator (comma, semicolon
 * or tab, chosen from the header line), and line breaks inside quoted fields, which parseCsv is reported
 * to split on: they are swapped for a private-use character first and restored in every value.
 */
export type ParseCsv = (csv: string, delimiter: string) => string[][];

export interface CsvTable {
  readonly separator: ',' | ';' | '\t';
  readonly header: string[];
  /** The data records, each with the file line it starts on (1-based; the header is line 1). */
  readonly records: ReadonlyArray<{ readonly line: number; readonly cells: string[] }>;
}

/** Stands for a line break inside quotes while parseCsv runs (a private-use character no export holds). */
const NEWLINE = '\uE000';
const SEPARATORS = [',', ';', '\t'] as const;

/** The separator that splits the header line into the most fields, outside quotes (comma on a tie). */
function detectSeparator(firstLine: string): CsvTable['separator'] {
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  let best: CsvTable['separator'] = ',';
  let most = 0;
  for (const s of SEPARATORS) {
    const n = unquoted.split(s).length - 1;
    if (n > most) { best = s; most = n; }
  }
  return best;
}

/** Line ends made "\n", and each "\n" inside quotes made NEWLINE; the starting line of every record. */
function protectQuotedLineBreaks(text: string): { text: string; starts: number[] } {
  const out: string[] = [];
  const starts = [1];
  let quoted = false;
  let line = 1;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted; // '"': a doubled quote toggles twice, so the state comes out right
    else if (c === 10 || c === 13) {
      out.push(text.slice(from, i));
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      from = i + 1;
      line++;
      if (quoted) out.push(NEWLINE);
      else { out.push('\n'); starts.push(line); }
    }
  }
  out.push(text.slice(from));
  return { text: out.join(''), starts };
}

export function readCsv(raw: string, parseCsv: ParseCsv): CsvTable {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const firstLine = /^[^\r\n]*/.exec(text)![0];
  const separator = detectSeparator(firstLine);
  const prepared = protectQuotedLineBreaks(text);
  const rows = parseCsv(prepared.text, separator);
  const restore = (v: string) => (v.includes(NEWLINE) ? v.split(NEWLINE).join('\n') : v);
  const [header = [], ...body] = rows;
  const records: Array<{ line: number; cells: string[] }> = [];
  body.forEach((cells, i) => {
    // Blank lines (a trailing one, or spacing between blocks) are not records.
    if (cells.every((c) => c.trim() === '')) return;
    records.push({ line: prepared.starts[i + 1] ?? i + 2, cells: cells.map(restore) });
  });
  return { separator, header: header.map((h) => restore(h).trim()), records };
}
