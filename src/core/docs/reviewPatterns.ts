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

/** Supplier findings said without the supplier: what it means for the services named. */
const SUPPLIER_WORDING: Partial<Record<FindingAnalysis, (services: string, n: number) => string>> = {
  coverage: (s) => `Supplier support covers fewer hours than the service hours of ${s}.`,
  targetChain: (s) => `A supplier's fix time is longer than the fix target of ${s}.`,
  overProvision: (s) => `Supplier support for ${s} goes beyond need: a possible saving.`,
  supplierPerformance: (s, n) => `Suppliers missed their times on calls for ${s} (${plural(n, 'contract')}).`,
  unknowns: (s) => `A supplier's support hours or times are not known for ${s}.`,
};

/** The patterns of the findings, by question, worst first; supplier kinds merged into one sentence each. */
export function patternsOf(findings: readonly Finding[], wb: Workbook): Pattern[] {
  const nameOf = (id: string): string => wb.services.find((s) => idKey(s.serviceId) === idKey(id))?.name ?? id;
  const out: Pattern[] = [];
  const merged = new Map<string, Pattern>();
  for (const f of findings) {
    // A supplier that met everything is no pattern for a meeting.
    if (f.severity === 'info' && f.analysis === 'supplierPerformance') continue;
    // Unknown hours or times read as such whichever analysis found them.
    const kind: FindingAnalysis = /unknown|not known/i.test(f.title) ? 'unknowns' : f.analysis;
    const wording = f.question === 'Third-party response or fix issues' ? SUPPLIER_WORDING[kind] : undefined;
    if (!wording) {
      out.push({ question: f.question, analysis: kind, severity: f.severity, text: publicTitle(f), serviceIds: [...f.serviceIds], findings: [f] });
      continue;
    }
    const key = `${f.question}|${kind}`;
    const p = merged.get(key);
    if (!p) {
      const fresh: Pattern = { question: f.question, analysis: kind, severity: f.severity, text: '', serviceIds: [...f.serviceIds], findings: [f] };
      merged.set(key, fresh);
      out.push(fresh);
    } else {
      for (const id of f.serviceIds) if (!p.serviceIds.some((x) => idKey(x) === idKey(id))) p.serviceIds.push(id);
      p.findings.push(f);
      if (RANK[f.severity] < RANK[p.severity]) (p as { severity: Finding['severity'] }).severity = f.severity;
    }
  }
  for (const p of merged.values()) {
    const contracts = new Set(p.findings.map((f) => f.contractRef ?? f.id)).size;
    (p as { text: string }).text = SUPPLIER_WORDING[p.analysis]!(joinWords(p.serviceIds.map(nameOf)), contracts);
  }
  return out.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

/**
 * A finding's title as a meeting can read it: the share of fix time is elapsed working time while calls
 * were open, not staff effort, and is said so.
 */
function publicTitle(f: Finding): string {
  const title = f.title.replace(/\.$/, '')
    .replace(/took ([\d.]+%) of fix time/, 'had $1 of the working hours calls were open before being fixed')
    .replace(/ of fix time/g, ' open before being fixed').replace(/\bitems\b/g, 'calls').replace(/\bitem\b/g, 'call')
    // Costs are for the internal version only.
    .replace(/,?\s*(?:but\s+)?costs?\s+£[\d,.]+(?:\s+a year)?(?:\s+in contracts)?/g, '').replace(/\s*\(£[\d,.]+ a year\)/g, '');
  return /£/.test(title) ? `A cost question about ${joinWords(f.serviceIds)} (details in the internal version)` : title;
}

/** One finding as the representatives' version says it: supplier findings without the supplier. */
export function publicText(f: Finding, wb: Workbook): string {
  return patternsOf([f], wb)[0]?.text ?? publicTitle(f);
}
