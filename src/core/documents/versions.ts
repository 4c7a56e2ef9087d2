/**
 * Versions of the generated SLA: each generation is a new version, and what changed since the last one
 * is found from the Documents tab's record of it (a short fingerprint of every service's parts).
 */
import type { DocumentRecord } from '../schema/records';
import { joinWords } from '../text';

/** One service's parts as the SLA states them, by part name, for the fingerprint. */
export interface ServiceParts {
  readonly serviceId: string;
  readonly name: string;
  readonly parts: ReadonlyArray<readonly [part: string, text: string]>;
}

/** FNV-1a, 32 bits, base 36: short enough for a cell, enough to tell an edit from none. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

/** "EMAIL=part:hash,part:hash;PRINT=…": what the Documents tab keeps of a generated SLA. */
export function fingerprint(services: readonly ServiceParts[]): string {
  return services.map((s) => `${s.serviceId}=${s.parts.map(([p, t]) => `${p.replace(/[:,;=]/g, ' ')}:${hash(t)}`).join(',')}`).join(';');
}

function readFingerprint(text: string): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const entry of text.split(';')) {
    const [id, parts] = entry.split('=');
    if (!id || parts === undefined) continue;
    out.set(id.trim().toLowerCase(), new Map(parts.split(',').map((p) => p.split(':') as [string, string])));
  }
  return out;
}

/** The newest SLA the Documents tab records, if any. */
export function lastSlaRecord(documents: readonly DocumentRecord[]): DocumentRecord | undefined {
  return documents
    .filter((d) => d.type === 'SLA')
    .sort((a, b) => a.created - b.created)
    .pop();
}

/**
 * The next version after the last one generated: its minor part plus one; the first agreed version
 * after drafts is the next whole number. First ever: 0.1 for a draft, 1.0 when agreed.
 */
export function nextVersion(last: string | undefined, agreed: boolean): string {
  const m = last ? /^v?(\d+)\.(\d+)/i.exec(last.trim()) : null;
  if (!m) return agreed ? '1.0' : '0.1';
  const major = Number(m[1]);
  if (agreed && major === 0) return '1.0';
  return `${major}.${Number(m[2]) + 1}`;
}

/** What changed since the previous fingerprint, one line per service; undefined when there is no record to compare with. */
export function changesSince(previous: string | undefined, now: readonly ServiceParts[]): string[] | undefined {
  if (!previous?.trim()) return undefined;
  const before = readFingerprint(previous);
  const lines: string[] = [];
  for (const s of now) {
    const id = s.serviceId.trim().toLowerCase();
    const old = before.get(id);
    if (!old) {
      lines.push(`${s.name}: added.`);
      continue;
    }
    const changed = s.parts.filter(([p, t]) => old.get(p.replace(/[:,;=]/g, ' ')) !== hash(t)).map(([p]) => p.toLowerCase());
    if (changed.length) lines.push(`${s.name}: ${joinWords(changed)} changed.`);
  }
  return lines;
}
