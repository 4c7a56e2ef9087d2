/**
 * The part of Drive's search language DriveApp.searchFiles/searchFolders are given here: clauses joined by
 * `and`, each `title` (or `name`) `=`/`contains`, `mimeType` `=`/`!=`, `trashed = true|false`, or
 * `'<folder id>' in parents`. Trashed items match unless the query says `trashed = false`.
 * https://developers.google.com/apps-script/reference/drive/drive-app#searchFiles(String)
 * https://developers.google.com/drive/api/guides/search-files
 * Anything else is refused with Drive's error for a query it cannot read, so an unmodelled query fails loudly.
 */
import type { DriveItem } from './drive';

export const BAD_QUERY_MESSAGE = 'Invalid argument: q';

const STRING = String.raw`'((?:[^'\\]|\\.)*)'`;
const unquote = (s: string) => s.replace(/\\(.)/g, '$1');
const CLAUSES: Array<[RegExp, (m: RegExpExecArray) => (i: DriveItem) => boolean]> = [
  [new RegExp(`^(?:title|name)\\s*=\\s*${STRING}$`, 'i'), (m) => (i) => i.name.get() === unquote(m[1])],
  [new RegExp(`^(?:title|name)\\s+contains\\s+${STRING}$`, 'i'), (m) => (i) => i.name.get().toLowerCase().includes(unquote(m[1]).toLowerCase())],
  [new RegExp(`^mimeType\\s*=\\s*${STRING}$`, 'i'), (m) => (i) => i.mimeType === unquote(m[1])],
  [new RegExp(`^mimeType\\s*!=\\s*${STRING}$`, 'i'), (m) => (i) => i.mimeType !== unquote(m[1])],
  [/^trashed\s*=\s*(true|false)$/i, (m) => (i) => i.trashed === (m[1].toLowerCase() === 'true')],
  [new RegExp(`^${STRING}\\s+in\\s+parents$`, 'i'), (m) => (i) => i.parents.has(unquote(m[1]))],
];

export function driveQuery(params: string): (item: DriveItem) => boolean {
  const clauses = String(params)
    .split(/\s+and\s+/i)
    .map((c) => c.trim().replace(/^\((.*)\)$/, '$1'));
  const tests = clauses.map((clause) => {
    for (const [pattern, make] of CLAUSES) {
      const m = pattern.exec(clause);
      if (m) return make(m);
    }
    throw new Error(BAD_QUERY_MESSAGE);
  });
  return (item) => tests.every((t) => t(item));
}
