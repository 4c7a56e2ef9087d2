/**
 * CSV text to rows, read as RFC 4180 describes (https://www.rfc-editor.org/rfc/rfc4180) and recovering
 * from what real exports get wrong, so one bad line never costs the lines after it:
 * - the UTF-8 BOM, Windows and old-Mac line ends, blank lines;
 * - the separator: Excel's `sep=;` first line when there is one, else comma, semicolon or tab, whichever
 *   splits the header line into the most fields;
 * - a field starting with a quote runs to its closing quote (`""` is a quote inside it), over line breaks;
 * - a quote inside an unquoted field (`Monitor 24" flickers`) is an ordinary character;
 * - a quote that does not close on its own line may run over line breaks only when its line, read as
 *   written, has fewer fields than the header (else the line is a whole record and the quote stray), it closes properly
 *   (followed by the separator or the line end), the record then has exactly the header's fields, and no
 *   line it takes in reads as a record of its own (the closing line up to its closing quote). Otherwise the quote never closes: the line is read as
 *   written (the quote an ordinary character, its fields split as they stand) and named in `notes`.
 * So no line is ever absorbed into another. Every record keeps the file line it starts on.
 */
export interface CsvNote {
  readonly line: number;
  readonly reason: string;
}

export interface CsvTable {
  readonly separator: string;
  readonly header: string[];
  /** The data records, each with the file line it starts on (1-based; the first line is line 1). */
  readonly records: ReadonlyArray<{ readonly line: number; readonly cells: string[] }>;
  /** Lines read otherwise than their quotes say (an unclosed quote), each with its reason. */
  readonly notes: CsvNote[];
}

const SEPARATORS = [',', ';', '\t'] as const;
/** Excel's first line naming the separator: `sep=;` (some tools quote it). */
const SEP_LINE = /^"?sep=(.)"?$/i;

/** The separator that splits the header line into the most fields, outside quotes (comma on a tie). */
function detectSeparator(firstLine: string): string {
  const unquoted = firstLine.replace(/"[^"\n]*"/g, '');
  let best: string = ',';
  let most = 0;
  for (const s of SEPARATORS) {
    const n = unquoted.split(s).length - 1;
    if (n > most) {
      best = s;
      most = n;
    }
  }
  return best;
}

/** One line's fields with every quote that does not close on the line taken as an ordinary character. */
function splitLine(line: string, sep: string): string[] {
  if (!line.includes('"')) return line.split(sep);
  const out: string[] = [];
  let pos = 0;
  for (;;) {
    let value = '';
    let end: number;
    const closes = line[pos] === '"' ? closing(line, pos + 1) : -1;
    if (closes >= 0) {
      value = unquote(line.slice(pos + 1, closes));
      // Text after the closing quote, up to the separator, stays part of the value (as spreadsheets read it).
      end = line.indexOf(sep, closes + 1);
      value += line.slice(closes + 1, end < 0 ? line.length : end);
    } else {
      end = line.indexOf(sep, pos);
      value = line.slice(pos, end < 0 ? line.length : end);
    }
    out.push(value);
    if (end < 0) return out;
    pos = end + sep.length;
  }
}

/** The index of the quote closing a quoted field whose text starts at `from` on this line, or -1. */
function closing(text: string, from: number): number {
  for (let i = from; ; ) {
    const q = text.indexOf('"', i);
    if (q < 0) return -1;
    if (text[q + 1] === '"') {
      i = q + 2;
      continue;
    }
    return q;
  }
}

const unquote = (s: string) => (s.includes('""') ? s.split('""').join('"') : s);

/**
 * The record starting at line `i` when one of its quoted fields runs over line breaks: its cells and the
 * line after it; undefined when it does not close properly (the caller reads the line as written).
 */
function spanningRecord(lines: readonly string[], i: number, sep: string, width: number): { cells: string[]; next: number } | undefined {
  const cells: string[] = [];
  let line = lines[i];
  let at = i;
  let pos = 0;
  for (;;) {
    if (line[pos] === '"') {
      let value = '';
      let from = pos + 1;
      for (;;) {
        const q = closing(line, from);
        if (q >= 0) {
          // Nor is a line that, up to the closing quote, reads as a record of its own.
          if (at > i && width >= 3 && line.slice(0, q).split(sep).length >= width) return undefined;
          value += unquote(line.slice(from, q));
          pos = q + 1;
          if (at > i && pos < line.length && !line.startsWith(sep, pos)) return undefined;
          // Text after a closing quote on the record's first line stays part of the value.
          const end = line.indexOf(sep, pos);
          const stop = end < 0 ? line.length : end;
          value += line.slice(pos, stop);
          pos = stop;
          break;
        }
        // A line taken in that reads as a record of its own is not the rest of a field.
        if (at > i && width >= 3 && splitLine(line, sep).length >= width) return undefined;
        value += `${unquote(line.slice(from))}\n`;
        at++;
        if (at >= lines.length) return undefined;
        line = lines[at];
        from = 0;
      }
      cells.push(value);
    } else {
      const end = line.indexOf(sep, pos);
      cells.push(line.slice(pos, end < 0 ? line.length : end));
      pos = end < 0 ? line.length : end;
    }
    if (pos >= line.length) break;
    pos += sep.length;
    if (pos === line.length) {
      cells.push('');
      break;
    }
  }
  // A record running over lines has exactly the header's fields: a stray quote rarely makes that so.
  if (width > 0 && cells.length !== width) return undefined;
  return { cells, next: at + 1 };
}

/** True when a quoted field of the line does not close on it. */
function opensOver(line: string, sep: string): boolean {
  if (!line.includes('"')) return false;
  let pos = 0;
  for (;;) {
    let end: number;
    if (line[pos] === '"') {
      const q = closing(line, pos + 1);
      if (q < 0) return true;
      end = line.indexOf(sep, q + 1);
    } else end = line.indexOf(sep, pos);
    if (end < 0) return false;
    pos = end + sep.length;
  }
}

export function readCsv(raw: string): CsvTable {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const named = SEP_LINE.exec(lines[0] ?? '');
  let i = named ? 1 : 0;
  // The header: the first line with anything on it.
  while (i < lines.length && lines[i].trim() === '') i++;
  const separator = named ? named[1] : detectSeparator(lines[i] ?? '');
  const notes: CsvNote[] = [];
  const unclosed = (line: number) => notes.push({ line, reason: 'an unclosed quote, read as written' });

  const read = (i: number, width: number): { cells: string[]; next: number } => {
    const line = lines[i];
    if (!opensOver(line, separator)) return { cells: splitLine(line, separator), next: i + 1 };
    // A line that, read as written, already has every field of the header is a whole record: its quote is stray.
    const asWritten = splitLine(line, separator);
    const spanning = width > 0 && asWritten.length >= width ? undefined : spanningRecord(lines, i, separator, width);
    if (spanning) return spanning;
    unclosed(i + 1);
    return { cells: asWritten, next: i + 1 };
  };

  if (i >= lines.length) return { separator, header: [], records: [], notes };
  const head = read(i, 0);
  const header = head.cells.map((h) => h.trim());
  const records: Array<{ line: number; cells: string[] }> = [];
  for (i = head.next; i < lines.length; ) {
    const line = i + 1;
    const r = read(i, header.length);
    i = r.next;
    // Blank lines (a trailing one, or spacing between blocks) are not records.
    if (r.cells.every((c) => c.trim() === '')) continue;
    records.push({ line, cells: r.cells });
  }
  return { separator, header, records, notes };
}
