/** A helpdesk's words for priority, type and status, read as ours. */
import { normaliseHeader } from '../values';

export type ItemType = 'Incident' | 'Request';

/** Lower case, a leading number ("2 normal", Zammad) and punctuation dropped. */
const word = (v: string): string =>
  v
    .trim()
    .toLowerCase()
    .replace(/^\d+\s+/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The word → ours lookup of a data-file table such as { High: 'high|p2|2' }. */
const cache = new WeakMap<object, Map<string, string>>();
export function wordOf(v: string, words: Record<string, string>): string | undefined {
  let m = cache.get(words);
  if (!m) {
    m = new Map(Object.entries(words).flatMap(([ours, list]) => list.split('|').map((w) => [w, ours] as [string, string])));
    cache.set(words, m);
  }
  return m.get(word(v));
}

export type StatusReading = 'open' | 'resolved' | 'ignore';

/** Resolved or open from a status word; merged and deleted tickets are not imported. */
export function statusOf(v: string): StatusReading {
  const w = word(v);
  if (/^(merged|deleted|spam|duplicate)/.test(w)) return 'ignore';
  return /^(resolved|closed|solved|done|completed|cancel+ed|pending close|archived)$/.test(w) ? 'resolved' : 'open';
}

/**
 * The Service ID a helpdesk's category, help topic or group most likely means: the service whose ID or
 * name it is, or whose ID or name is one level of it ("Hardware > Printing"), or whose name's words
 * it holds. Undefined when none fits, or more than one fits equally.
 */
export function suggestService(value: string, services: ReadonlyArray<{ readonly serviceId: string; readonly name: string }>): string | undefined {
  const v = normaliseHeader(value);
  if (!v) return undefined;
  const levels = value
    .split(/\s*[>/\\|:]\s*/)
    .map(normaliseHeader)
    .filter(Boolean);
  const score = (s: { serviceId: string; name: string }): number => {
    const id = normaliseHeader(s.serviceId);
    const name = normaliseHeader(s.name);
    if (v === id || v === name) return 3;
    if (levels.includes(id) || levels.includes(name)) return 2;
    return name.length > 2 && (v.includes(name) || name.includes(v)) ? 1 : 0;
  };
  let best: string | undefined;
  let top = 0;
  let tie = false;
  for (const s of services) {
    const n = score(s);
    if (n > top) {
      top = n;
      best = s.serviceId;
      tie = false;
    } else if (n === top && n > 0) tie = true;
  }
  return tie ? undefined : best;
}
