/** Runs every contract and review analysis over a parsed workbook. */
import type { Period } from '../periods/period';
import type { MeasuredWorkbook } from '../attainment/measured';
import type { Workbook } from '../workbook/parseWorkbook';
import { dedupeRefs, makeContext } from './context';
import { coverageFindings } from './coverage';
import { lifecycleFindings } from './lifecycle';
import { overProvisionFindings } from './overProvision';
import { prioritisationFindings } from './prioritisation';
import { rankClashFindings } from './rankClash';
import { supplierFindings } from './supplierPerformance';
import { targetChainFindings } from './targetChain';
import type { Finding, FindingAnalysis, Severity } from './types';
import { unknownFindings } from './unknowns';
import { weakestLinkFindings } from './weakestLink';
import { minOf } from '../values';

const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low', 'info'];
const ANALYSES: readonly FindingAnalysis[] = [
  'coverage',
  'targetChain',
  'overProvision',
  'weakestLink',
  'rankClash',
  'unknowns',
  'supplierPerformance',
  'prioritisation',
  'lifecycle',
];

export interface AnalyseOptions {
  /** The instant "now": renewals, reviews and the default period are measured from it. */
  readonly now: number;
  /** The span of the incident log read for supplier performance and trends; default the year to `now`. */
  readonly period?: Period;
  /** The workbook as the calling use case measured it (default: measured here). */
  readonly measured?: MeasuredWorkbook;
}

/**
 * Every finding the workbook shows, most severe first, then by the rank of the services involved (the
 * most important first), then by analysis and id. Each finding carries its evidence, a suggested action
 * and references to the rows it rests on.
 */
export function analyseWorkbook(wb: Workbook, opts: AnalyseOptions): Finding[] {
  const ctx = makeContext(wb, opts.now, opts.period, opts.measured);
  const chain = targetChainFindings(ctx);
  const findings = [
    ...coverageFindings(ctx),
    ...chain,
    ...overProvisionFindings(ctx),
    ...weakestLinkFindings(ctx, new Set(chain.map((f) => f.id))),
    ...rankClashFindings(ctx),
    ...unknownFindings(ctx),
    ...supplierFindings(ctx),
    ...prioritisationFindings(ctx),
    ...lifecycleFindings(ctx),
  ].map((f) => ({ ...f, refs: dedupeRefs(f.refs) }));
  raiseRealMisses(findings);
  const rankOf = (f: Finding): number => minOf(f.serviceIds.map((id) => ctx.rank(id))) ?? Infinity;
  const ranks = new Map(findings.map((f) => [f, rankOf(f)]));
  return findings.sort(
    (a, b) =>
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      ranks.get(a)! - ranks.get(b)! ||
      ANALYSES.indexOf(a.analysis) - ANALYSES.indexOf(b.analysis) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** Findings that could cost the school calls in theory: a contract's hours or times against the SLA. */
const THEORETICAL: readonly FindingAnalysis[] = ['coverage', 'targetChain', 'weakestLink'];

/**
 * Severity from evidence: a supplier that missed its times on real calls ranks at least as high as the
 * worst theoretical gap of the same contract (a gap that did happen is no less serious than one that might).
 */
function raiseRealMisses(findings: Finding[]): void {
  for (let k = 0; k < findings.length; k++) {
    const f = findings[k];
    if (f.analysis !== 'supplierPerformance' || f.severity === 'info' || !f.contractRef) continue;
    const worst = findings
      .filter((g) => g.contractRef === f.contractRef && THEORETICAL.includes(g.analysis))
      .reduce((w, g) => Math.min(w, SEVERITIES.indexOf(g.severity)), SEVERITIES.indexOf(f.severity));
    if (worst < SEVERITIES.indexOf(f.severity)) findings[k] = { ...f, severity: SEVERITIES[worst] };
  }
}

/** Findings grouped by severity, most severe first; empty groups left out. */
export function groupBySeverity(findings: readonly Finding[]): Array<{ severity: Severity; findings: Finding[] }> {
  return SEVERITIES.map((severity) => ({ severity, findings: findings.filter((f) => f.severity === severity) })).filter((g) => g.findings.length > 0);
}
