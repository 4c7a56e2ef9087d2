/**
 * The trust's figures from its schools' own: a school × service matrix of status words, trust-wide figures per
 * service (every school's Email together), and suppliers across schools (the same supplier, by name or
 * contract reference, against each school's own contract). Pure: it only adds up what each school's figures say.
 */
import type { Rag } from '../attainment/types';
import type { SchoolFigures, SchoolServiceFigures } from './figures';

/** One school as the trust last read it. */
export interface SchoolResult {
  readonly workbookId: string;
  readonly name: string;
  /** When its workbook was read; undefined when it never was. */
  readonly readAt: number | undefined;
  readonly figures?: SchoolFigures;
  /** Why it could not be read (no access, deleted, tabs from an older version). */
  readonly error?: string;
}

export interface TrustService {
  readonly name: string;
  /** Each school's figures for this service, in the order of `schools`; undefined where the school has no such service. */
  readonly perSchool: ReadonlyArray<SchoolServiceFigures | undefined>;
  readonly schools: number;
  readonly items: number;
  readonly met: number;
  readonly breached: number;
  readonly pending: number;
  /** Items met of those judged, all schools together (0..1); undefined when none was judged. */
  readonly share: number | undefined;
  /** Service hours kept, all schools together (0..1); undefined when no school had service hours. */
  readonly availability: number | undefined;
  readonly breachedAt: readonly string[];
  readonly atRiskAt: readonly string[];
}

export interface TrustSupplier {
  readonly supplier: string;
  readonly contractRefs: readonly string[];
  /** Schools with calls to the supplier in the period. */
  readonly schools: readonly string[];
  readonly calls: number;
  readonly responseJudged: number;
  readonly responseLate: number;
  readonly fixJudged: number;
  readonly fixLate: number;
  /** Schools where at least one fix was late. */
  readonly lateAt: readonly string[];
  /** Schools whose contract with the supplier has no readable support hours (its calls cannot be judged there). */
  readonly hoursUnknownAt: readonly string[];
}

export interface TrustFigures {
  /** Every school listed and included, in the Schools tab's order. */
  readonly schools: readonly SchoolResult[];
  /** Schools whose figures are in (read without error). */
  readonly read: readonly SchoolResult[];
  readonly unreadable: readonly SchoolResult[];
  readonly services: readonly TrustService[];
  readonly suppliers: readonly TrustSupplier[];
}

/** Services and suppliers match across schools by name, whatever the case or spacing. */
const matchKey = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const share = (good: number, bad: number): number | undefined => (good + bad > 0 ? good / (good + bad) : undefined);

function servicesAcross(read: readonly SchoolResult[]): TrustService[] {
  const byKey = new Map<string, { name: string; ranks: number[]; per: Array<SchoolServiceFigures | undefined> }>();
  read.forEach((school, i) => {
    for (const s of school.figures!.services) {
      const key = matchKey(s.name);
      let entry = byKey.get(key);
      if (!entry) {
        entry = { name: s.name, ranks: [], per: read.map(() => undefined) };
        byKey.set(key, entry);
      }
      entry.ranks.push(s.rank);
      if (!entry.per[i]) entry.per[i] = s;
    }
  });
  const meanRank = (ranks: number[]) => ranks.reduce((a, b) => a + b, 0) / ranks.length;
  return [...byKey.values()]
    .sort((a, b) => meanRank(a.ranks) - meanRank(b.ranks) || a.name.localeCompare(b.name))
    .map(({ name, per }) => {
      const present = per.filter((s): s is SchoolServiceFigures => s !== undefined);
      const sum = (f: (s: SchoolServiceFigures) => number) => present.reduce((n, s) => n + f(s), 0);
      const withHours = present.filter((s) => s.availability !== null && s.serviceHours > 0);
      const hours = withHours.reduce((n, s) => n + s.serviceHours, 0);
      const down = withHours.reduce((n, s) => n + Math.min(s.downtimeHours, s.serviceHours), 0);
      const at = (status: Rag) => read.filter((_, i) => per[i]?.status === status).map((s) => s.name);
      return {
        name,
        perSchool: per,
        schools: present.length,
        items: sum((s) => s.items),
        met: sum((s) => s.met),
        breached: sum((s) => s.breached),
        pending: sum((s) => s.pending),
        share: share(
          sum((s) => s.met),
          sum((s) => s.breached),
        ),
        availability: hours > 0 ? (hours - down) / hours : undefined,
        breachedAt: at('Breached'),
        atRiskAt: at('At risk'),
      };
    });
}

function suppliersAcross(read: readonly SchoolResult[]): TrustSupplier[] {
  interface Acc {
    supplier: string;
    refs: Set<string>;
    schools: Set<string>;
    lateAt: Set<string>;
    unknown: Set<string>;
    calls: number;
    rJ: number;
    rL: number;
    fJ: number;
    fL: number;
  }
  const byKey = new Map<string, Acc>();
  // A contract reference names the same supplier across schools when a school leaves the supplier's name blank.
  const keyOfRef = new Map<string, string>();
  for (const school of read) {
    for (const s of school.figures!.suppliers) {
      if (s.calls === 0) continue;
      const ref = matchKey(s.contractRef);
      const key = s.supplier.trim() ? matchKey(s.supplier) : (keyOfRef.get(ref) ?? `ref ${ref}`);
      if (ref) keyOfRef.set(ref, key);
      let acc = byKey.get(key);
      if (!acc) {
        acc = {
          supplier: s.supplier.trim() || s.contractRef,
          refs: new Set(),
          schools: new Set(),
          lateAt: new Set(),
          unknown: new Set(),
          calls: 0,
          rJ: 0,
          rL: 0,
          fJ: 0,
          fL: 0,
        };
        byKey.set(key, acc);
      }
      if (s.contractRef) acc.refs.add(s.contractRef);
      acc.schools.add(school.name);
      acc.calls += s.calls;
      acc.rJ += s.responseMet + s.responseBreached;
      acc.rL += s.responseBreached;
      acc.fJ += s.fixMet + s.fixBreached;
      acc.fL += s.fixBreached;
      if (s.fixBreached > 0) acc.lateAt.add(school.name);
      if (!s.hoursKnown) acc.unknown.add(school.name);
    }
  }
  return (
    [...byKey.values()]
      .map((a) => ({
        supplier: a.supplier,
        contractRefs: [...a.refs].sort(),
        schools: [...a.schools],
        calls: a.calls,
        responseJudged: a.rJ,
        responseLate: a.rL,
        fixJudged: a.fJ,
        fixLate: a.fL,
        lateAt: [...a.lateAt],
        hoursUnknownAt: [...a.unknown],
      }))
      // Most schools first (a supplier failing across schools is the trust's to raise), then most late fixes.
      .sort((a, b) => b.schools.length - a.schools.length || b.fixLate - a.fixLate || a.supplier.localeCompare(b.supplier))
  );
}

/** The trust's figures from every included school's last reading. */
export function trustFigures(schools: readonly SchoolResult[]): TrustFigures {
  const read = schools.filter((s) => s.figures && !s.error);
  return {
    schools,
    read,
    unreadable: schools.filter((s) => !s.figures || s.error),
    services: servicesAcross(read),
    suppliers: suppliersAcross(read),
  };
}

/** "County Council ICT: fixes late on 14 of 40 calls across 6 schools". */
/** "3 of 12", or "not judged" when no call could be (the supplier's hours are not known). */
export const lateOf = (late: number, judged: number): string => (judged === 0 ? 'not judged' : `${late} of ${judged}`);

export function supplierSentence(s: TrustSupplier): string {
  const across = `across ${s.schools.length} school${s.schools.length === 1 ? '' : 's'}`;
  if (s.fixJudged === 0 && s.responseJudged === 0) {
    return `${s.supplier}: ${s.calls} call${s.calls === 1 ? '' : 's'} ${across}, none judged (${s.hoursUnknownAt.length ? 'its support hours are not known' : 'none finished yet'})`;
  }
  const parts = [`fixes late on ${s.fixLate} of ${s.fixJudged} calls`];
  if (s.responseLate > 0) parts.push(`responses late on ${s.responseLate} of ${s.responseJudged}`);
  return `${s.supplier}: ${parts.join(', ')} ${across}`;
}
