/**
 * The review's main body names patterns, not rows: the findings of one kind are one sentence naming the
 * services they touch. The representatives' version says it without supplier names, costs or contract
 * references (those are in the internal version); the internal version keeps every finding in full.
 */
import type { Finding, FindingAnalysis, ReviewQuestion } from '../findings/types';
import { idKey } from '../schema/ids';
import type { Workbook } from '../workbook/parseWorkbook';
import { joinWords, plural } from '../text';

/** One pattern of the main body: what it says, how serious its worst finding is, the services it touches. */
export interface Pattern {
  readonly question: ReviewQuestion;
  readonly analysis: FindingAnalysis;
  readonly severity: Finding['severity'];
  readonly text: string;
  readonly serviceIds: string[];
  readonly findings: Finding[];
}

const RANK: Record<Finding['severity'], number> = { high: 0, medium: 1, low: 2, info: 3 };

/** The supplier sentences of the representatives' version; each merges the findings of one kind. */
type Wording = 'coverage' | 'targetChain' | 'overProvision' | 'supplierPerformance' | 'unknownTerms' | 'unreadableTerms';

/**
 * Supplier findings said without the supplier: what it means for the services named, each with the parts
 * of it the contract supports ("Internet access (web filtering)"), so two contracts behind one service
 * do not read as one supplier said to be both too slow and more than needed.
 */
const SUPPLIER_WORDING: Record<Wording, (services: string, n: number) => string> = {
  coverage: (s) => `Supplier support covers fewer hours than the service hours of ${s}.`,
  targetChain: (s) => `A supplier's fix time is longer than the fix target of ${s}.`,
  overProvision: (s) => `Supplier support for ${s} goes beyond need: a possible saving.`,
  supplierPerformance: (s, n) => `Suppliers on ${plural(n, 'contract')} missed their times on calls for ${s}.`,
  unknownTerms: (s) => `A supplier's support hours or times are not known for ${s}.`,
  unreadableTerms: (s) => `A supplier's support hours cannot be read on the Contracts tab for ${s}.`,
};

/**
 * The sentence a finding is merged into, chosen by its id: only the findings that are about a supplier's
 * unknown hours or times read as such (a renewal or a service with no users is not one of them).
 */
function wordingOf(f: Finding): Wording | undefined {
  if (f.question !== 'Third-party response or fix issues') return undefined;
  if (/^coverage:.*:unknown$/.test(f.id) || f.id.startsWith('unknowns:contractTimes:')) return 'unknownTerms';
  if (/^coverage:.*:unreadable$/.test(f.id)) return 'unreadableTerms';
  const kinds: readonly FindingAnalysis[] = ['coverage', 'targetChain', 'overProvision', 'supplierPerformance'];
  return kinds.includes(f.analysis) ? (f.analysis as Wording) : undefined;
}

/** "web filtering", "MIS database and software": a component as a sentence names it. */
const lowerFirst = (t: string): string => (/^[A-Z][a-z]/.test(t) ? t[0].toLowerCase() + t.slice(1) : t);

/** The components of a service that a contract supports, from the Equipment tab. */
function componentsUnder(wb: Workbook, contractRef: string | undefined, serviceId: string): string[] {
  if (!contractRef) return [];
  return wb.equipment
    .filter((e) => idKey(e.serviceId) === idKey(serviceId) && e.contractRef !== undefined && idKey(e.contractRef) === idKey(contractRef))
    .map((e) => lowerFirst(e.component.trim()));
}

/** "Internet access (communications link and web filtering)": a service with the parts of it in question. */
function serviceWithParts(name: string, parts: Iterable<string>): string {
  const list = [...new Set(parts)];
  return list.length ? `${name} (${joinWords(list)})` : name;
}

/** The patterns of the findings, by question, worst first; supplier kinds merged into one sentence each, naming the parts concerned unless `parts` is false. */
export function patternsOf(findings: readonly Finding[], wb: Workbook, parts = true): Pattern[] {
  const nameOf = (id: string): string => wb.services.find((s) => idKey(s.serviceId) === idKey(id))?.name ?? id;
  const out: Pattern[] = [];
  const merged = new Map<Wording, Pattern>();
  for (const f of findings) {
    // A supplier that met everything is no pattern for a meeting.
    if (f.severity === 'info' && f.analysis === 'supplierPerformance') continue;
    const wording = wordingOf(f);
    if (!wording) {
      out.push({ question: f.question, analysis: f.analysis, severity: f.severity, text: publicTitle(f, wb), serviceIds: [...f.serviceIds], findings: [f] });
      continue;
    }
    const p = merged.get(wording);
    if (!p) {
      const fresh: Pattern = { question: f.question, analysis: f.analysis, severity: f.severity, text: '', serviceIds: [...f.serviceIds], findings: [f] };
      merged.set(wording, fresh);
      out.push(fresh);
    } else {
      for (const id of f.serviceIds) if (!p.serviceIds.some((x) => idKey(x) === idKey(id))) p.serviceIds.push(id);
      p.findings.push(f);
      if (RANK[f.severity] < RANK[p.severity]) (p as { severity: Finding['severity'] }).severity = f.severity;
    }
  }
  for (const [wording, p] of merged) {
    const contracts = new Set(p.findings.map((f) => f.contractRef ?? f.id)).size;
    const named = p.serviceIds.map((id) =>
      serviceWithParts(
        nameOf(id),
        !parts ? [] : p.findings.filter((f) => f.serviceIds.some((x) => idKey(x) === idKey(id))).flatMap((f) => componentsUnder(wb, f.contractRef, id)),
      ),
    );
    (p as { text: string }).text = SUPPLIER_WORDING[wording](joinWords(named), contracts);
  }
  return out.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

/**
 * A finding's title as a meeting can read it: the share of fix time is elapsed working time while calls
 * were open, not staff effort, and is said so.
 */
function publicTitle(f: Finding, wb: Workbook): string {
  const nameOf = (id: string): string => wb.services.find((s) => idKey(s.serviceId) === idKey(id))?.name ?? id;
  // A contract's own findings name the supplier: said by the services it underpins instead.
  const contract = f.contractRef ? wb.contracts.find((c) => idKey(c.contractRef) === idKey(f.contractRef!)) : undefined;
  const behind = f.serviceIds.length
    ? `The contract behind ${joinWords(f.serviceIds.map((id) => serviceWithParts(nameOf(id), componentsUnder(wb, f.contractRef, id))))}`
    : 'A contract';
  if (contract && f.id.startsWith('unknowns:renewal:'))
    return `${behind} renews in ${plural(f.figures?.daysToRenewal ?? 0, 'day')}: time to check it against what the services need`;
  if (contract && f.id.startsWith('unknowns:expired:')) return `${behind} has passed its renewal date`;
  if (contract && f.id.startsWith('unknowns:orphanContract:')) return 'A contract underpins no service in the catalogue (details in the internal version)';
  const title = f.title
    .replace(/\.$/, '')
    .replace(/took ([\d.]+%) of fix time/, 'accounted for $1 of the time calls spent open before being fixed')
    .replace(/ of fix time/g, ' open before being fixed')
    .replace(/\bitems\b/g, 'calls')
    .replace(/\bitem\b/g, 'call')
    // Costs are for the internal version only.
    .replace(/,?\s*(?:but\s+)?costs?\s+£[\d,.]+(?:\s+a year)?(?:\s+in contracts)?/g, '')
    .replace(/\s*\(£[\d,.]+ a year\)/g, '');
  return /£/.test(title) ? `A cost question about ${joinWords(f.serviceIds.map(nameOf))} (details in the internal version)` : title;
}

/** One finding as the representatives' version says it: supplier findings without the supplier (and, with `parts` false, without the parts). */
export function publicText(f: Finding, wb: Workbook, parts = true): string {
  return patternsOf([f], wb, parts)[0]?.text ?? publicTitle(f, wb);
}
