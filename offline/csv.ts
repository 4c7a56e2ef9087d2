/**
 * Utilities.parseCsv(csv, delimiter?) as Google documents it: "a tabular 2D array representation of a
 * CSV string", values separated by `delimiter` (one character, comma by default), fields optionally in
 * double quotes with "" for a quote inside them. Every value is a string.
 * https://developers.google.com/apps-script/reference/utilities/utilities#parseCsv(String,Char)
 *
 * Real Apps Script is widely reported to end a record at every line break, even one inside quotes
 * (e.g. https://gist.github.com/simonjamain/7e23b898527655609e5ff012f412dd50), so this fake does the
 * same: callers that need multi-line fields must protect them, as the import does.
 */
export function parseCsv(csv: string, delimiter = ','): string[][] {
  if (typeof csv !== 'string')
    throw new Error(`The parameters (${csv === null ? 'null' : typeof csv}) don't match the method signature for Utilities.parseCsv.`);
  if (typeof delimiter !== 'string' || delimiter.length !== 1) throw new Error('Invalid argument: delimiter');
  if (csv === '') return [];
  const lines = csv.split(/\r\n|\n|\r/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => parseLine(line, delimiter));
}

function parseLine(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let value = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) {
          value += line.slice(i);
          i = line.length;
          break;
        }
        value += line.slice(i, q);
        if (line[q + 1] === '"') {
          value += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      // Text after the closing quote, up to the delimiter, stays part of the value.
      const end = line.indexOf(delimiter, i);
      value += line.slice(i, end < 0 ? line.length : end);
      i = end < 0 ? line.length : end;
    } else {
      const end = line.indexOf(delimiter, i);
      value = line.slice(i, end < 0 ? line.length : end);
      i = end < 0 ? line.length : end;
    }
    out.push(value);
    if (i >= line.length) return out;
    i += 1; // the delimiter
    if (i === line.length) {
      out.push('');
      return out;
    }
  }
}
