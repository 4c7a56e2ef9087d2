/**
 * Conditional format rules as SpreadsheetApp.newConditionalFormatRule() builds them and
 * Sheet.setConditionalFormatRules() stores them (developers.google.com/apps-script/reference/spreadsheet/
 * conditional-format-rule-builder): a rule is one boolean condition, a format and the ranges it applies to;
 * the sheet keeps the whole list, replaced at once.
 */
import type { OfflineEnv } from './env';
import type { FakeRange } from './range';

type GRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type GBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;

export const BooleanCriteria = Object.freeze({
  CUSTOM_FORMULA: 'CUSTOM_FORMULA', TEXT_EQUAL_TO: 'TEXT_EQUAL_TO', NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN', CELL_EMPTY: 'CELL_EMPTY',
});

interface RuleState {
  criteria: string | null;
  values: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  ranges: FakeRange[];
}

export class FakeConditionalFormatRule implements Pick<GRule, 'copy' | 'getRanges'> {
  constructor(private readonly env: OfflineEnv, readonly state: Readonly<RuleState>) {}
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    this.env.calls.hit('ConditionalFormatRule.getRanges');
    return [...this.state.ranges] as unknown as GoogleAppsScript.Spreadsheet.Range[];
  }
  copy(): GBuilder {
    this.env.calls.hit('ConditionalFormatRule.copy');
    return new FakeConditionalFormatRuleBuilder(this.env, { ...this.state, ranges: [...this.state.ranges] }) as unknown as GBuilder;
  }
}

export class FakeConditionalFormatRuleBuilder implements Pick<GBuilder, 'build' | 'setBackground' | 'setBold' | 'setFontColor'
  | 'setRanges' | 'whenFormulaSatisfied' | 'whenTextEqualTo' | 'whenNumberGreaterThanOrEqualTo' | 'whenNumberLessThan' | 'whenCellEmpty'> {
  private readonly state: RuleState;
  constructor(private readonly env: OfflineEnv, state?: RuleState) {
    this.state = state ?? { criteria: null, values: [], background: null, fontColor: null, bold: null, ranges: [] };
  }
  private me(method: string, change: (s: RuleState) => void): GBuilder {
    this.env.calls.hit(`ConditionalFormatRuleBuilder.${method}`);
    change(this.state);
    return this as unknown as GBuilder;
  }
  private when(method: string, criteria: string, values: unknown[]): GBuilder {
    return this.me(method, (s) => { s.criteria = criteria; s.values = values; });
  }
  whenFormulaSatisfied(formula: string): GBuilder { return this.when('whenFormulaSatisfied', BooleanCriteria.CUSTOM_FORMULA, [String(formula)]); }
  whenTextEqualTo(text: string): GBuilder { return this.when('whenTextEqualTo', BooleanCriteria.TEXT_EQUAL_TO, [String(text)]); }
  whenNumberGreaterThanOrEqualTo(n: number): GBuilder { return this.when('whenNumberGreaterThanOrEqualTo', BooleanCriteria.NUMBER_GREATER_THAN_OR_EQUAL_TO, [n]); }
  whenNumberLessThan(n: number): GBuilder { return this.when('whenNumberLessThan', BooleanCriteria.NUMBER_LESS_THAN, [n]); }
  whenCellEmpty(): GBuilder { return this.when('whenCellEmpty', BooleanCriteria.CELL_EMPTY, []); }
  setBackground(color: string | null): GBuilder { return this.me('setBackground', (s) => { s.background = color; }); }
  setFontColor(color: string | null): GBuilder { return this.me('setFontColor', (s) => { s.fontColor = color; }); }
  setBold(bold: boolean | null): GBuilder { return this.me('setBold', (s) => { s.bold = bold; }); }
  setRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): GBuilder {
    return this.me('setRanges', (s) => { s.ranges = [...(ranges as unknown as FakeRange[])]; });
  }
  build(): GRule {
    this.env.calls.hit('ConditionalFormatRuleBuilder.build');
    // Sheets refuses a rule it could not show: no condition, or nothing to apply it to.
    if (this.state.criteria === null) throw new Error('Conditional format rule must have a condition.');
    if (this.state.ranges.length === 0) throw new Error('Conditional format rule must have at least one range.');
    return new FakeConditionalFormatRule(this.env, { ...this.state, ranges: [...this.state.ranges] }) as unknown as GRule;
  }
}
