/**
 * The "Log a call" form: the services it offers (the catalogue's supported ones, by name) and how one
 * set of answers becomes an Incidents row. Its questions are in the data file (presets.ts).
 */
import { idKey } from '../schema/ids';
import { CELL_LIMIT, type CallFormText } from '../import/types';

/** The services a caller can choose: the supported ones, in priority rank order, by name. */
export const formServices = (services: ReadonlyArray<{ serviceId: string; name: string; status: string; rank: number }>): string[] =>
  services
    .filter((s) => s.status === 'Supported')
    .sort((a, b) => a.rank - b.rank)
    .map((s) => s.name);

/**
 * The Incidents record of one submission, by question title; undefined when the answers name no known
 * service (the form was older than the catalogue). The Ref is CALL- and the next number, past both the log's
 * CALL rows and `last`, the highest ever given (so a deleted CALL row's number is never given again).
 */
export function callRecord(
  q: CallFormText,
  answers: ReadonlyMap<string, string>,
  submitted: number,
  email: string,
  services: ReadonlyArray<{ serviceId: string; name: string }>,
  refs: readonly unknown[],
  last = 0,
) {
  const pick = (q: string) => (answers.get(q) ?? '').trim();
  const service = services.find((s) => idKey(s.name) === idKey(pick(q.service)));
  if (!service) return undefined;
  const of = (list: ReadonlyArray<readonly [string, string]>, q: string) => list.find(([a]) => a === pick(q))?.[1];
  let n = last;
  for (const r of refs) {
    const m = /^CALL-(\d+)$/i.exec(String(r).trim());
    if (m) n = Math.max(n, Number(m[1]));
  }
  const who = [pick(q.name), email].filter(Boolean).join(', ');
  return {
    ref: `CALL-${n + 1}`,
    serviceId: service.serviceId,
    type: of(q.types, q.type) ?? 'Incident',
    priority: of(q.impacts, q.impact) ?? 'Medium',
    opened: submitted,
    summary: fitted(`${pick(q.summary)}${who ? ` (from ${who})` : ''}`),
  };
}

/** An answer longer than a Sheets cell holds, cut and saying so (the whole answer stays on the form's responses tab). */
function fitted(text: string): string {
  if (text.length <= CELL_LIMIT) return text;
  const note = "… (cut to fit a cell: the whole answer is on the form's responses tab)";
  return text.slice(0, CELL_LIMIT - note.length) + note;
}
