/** Names of generated documents: type, version or period, and date; never the name of one already there. */

/** "SLA v1.2 – Hillside School – 2026-11-18". */
export const documentName = (baseName: string, isoDay: string): string => `${baseName} – ${isoDay}`;

/** The name itself when free, else the first of "name (2)", "name (3)"… that is. */
export function firstFreeName(name: string, taken: (candidate: string) => boolean): string {
  if (!taken(name)) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`;
    if (!taken(candidate)) return candidate;
  }
}

/** The Drive id in a Docs or Drive link, or undefined. */
export const idFromLink = (link: string): string | undefined => /\/d\/([A-Za-z0-9_-]{10,})/.exec(link)?.[1];

/**
 * The school's name from the workbook's file name: "Copy of " and "SLM Workbook" (or a trailing "SLM")
 * left out, with the brackets and dashes around them; "Our school" when nothing is left.
 */
export function schoolFromFileName(fileName: string): string {
  const name = fileName
    .replace(/^(\s*copy of )+|\(?\s*\bSLM Workbook\b\s*\)?|\bSLM\s*$/gi, '')
    .replace(/^[\s:–-]+|[\s:–-]+$/g, '')
    .replace(/^\((.*)\)$/, '$1');
  return name ? name[0].toUpperCase() + name.slice(1) : 'Our school';
}
