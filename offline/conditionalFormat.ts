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
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN',
  CELL_EMPTY: 'CELL_EMPTY',
  CELL_NOT_EMPTY: 'CELL_NOT_EMPTY',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
});

interface RuleState {
  criteria: string | null;
  values: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  ranges: FakeRange[];
}

/**
 * A rule's condition and format as getBooleanCondition() returns them. `matches` (not counted) says
 * whether a cell showing `display` meets a text or number condition; text compares ignoring case, as
 * Sheets does; a custom formula is not evaluated here (undefined).
 */
export class FakeBooleanCondition {
  constructor(
    private readonly env: OfflineEnv,
    readonly state: Readonly<RuleState>,
  ) {}
  getCriteriaType(): GoogleAppsScript.Spreadsheet.BooleanCriteria {
    this.env.calls.hit('BooleanCondition.getCriteriaType');
    return this.state.criteria as never;
  }
  getCriteriaValues(): unknown[] {
    this.env.calls.hit('BooleanCondition.getCriteriaValues');
    return [...this.state.values];
  }
  getBackground(): string | null {
    this.env.calls.hit('BooleanCondition.getBackground');
    return this.state.background;
  }
  getFontColor(): string | null {
    this.env.calls.hit('BooleanCondition.getFontColor');
    return this.state.fontColor;
  }
  getBold(): boolean | null {
    this.env.calls.hit('BooleanCondition.getBold');
    return this.state.bold;
  }
  matches(display: string, value: unknown): boolean | undefined {
    const arg = String(this.state.values[0] ?? '').toLowerCase();
    switch (this.state.criteria) {
      case 'TEXT_EQUAL_TO':
        return display.toLowerCase() === arg;
      case 'TEXT_CONTAINS':
        return display.toLowerCase().includes(arg);
      case 'CELL_EMPTY':
        return display === '';
      case 'CELL_NOT_EMPTY':
        return display !== '';
      case 'NUMBER_LESS_THAN':
        return typeof value === 'number' && value < Number(this.state.values[0]);
      case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
        return typeof value === 'number' && value >= Number(this.state.values[0]);
      default:
        return undefined;
    }
  }
}

export class FakeConditionalFormatRule implements Pick<GRule, 'copy' | 'getRanges'> {
  constructor(
    private readonly env: OfflineEnv,
    readonly state: Readonly<RuleState>,
  ) {}
  getBooleanCondition(): GoogleAppsScript.Spreadsheet.BooleanCondition | null {
    this.env.calls.hit('ConditionalFormatRule.getBooleanCondition');
    return this.state.criteria === null ? null : (new FakeBooleanCondition(this.env, this.state) as unknown as GoogleAppsScript.Spreadsheet.BooleanCondition);
  }
  getGradientCondition(): null {
    this.env.calls.hit('ConditionalFormatRule.getGradientCondition');
    return null;
  }
  /** The condition a renderer checks (no call counted). */
  condition(): FakeBooleanCondition | null {
    return this.state.criteria === null ? null : new FakeBooleanCondition(this.env, this.state);
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    this.env.calls.hit('ConditionalFormatRule.getRanges');
    return [...this.state.ranges] as unknown as GoogleAppsScript.Spreadsheet.Range[];
  }
  copy(): GBuilder {
    this.env.calls.hit('ConditionalFormatRule.copy');
    return new FakeConditionalFormatRuleBuilder(this.env, { ...this.state, ranges: [...this.state.ranges] }) as unknown as GBuilder;
  }
}

export class FakeConditionalFormatRuleBuilder
  implements
    Pick<
      GBuilder,
      | 'build'
      | 'setBackground'
      | 'setBold'
      | 'setFontColor'
      | 'setRanges'
      | 'whenFormulaSatisfied'
      | 'whenTextEqualTo'
      | 'whenNumberGreaterThanOrEqualTo'
      | 'whenNumberLessThan'
      | 'whenCellEmpty'
      | 'whenCellNotEmpty'
      | 'whenTextContains'
    >
{
  private readonly state: RuleState;
  constructor(
    private readonly env: OfflineEnv,
    state?: RuleState,
  ) {
    this.state = state ?? { criteria: null, values: [], background: null, fontColor: null, bold: null, ranges: [] };
  }
  private me(method: string, change: (s: RuleState) => void): GBuilder {
    this.env.calls.hit(`ConditionalFormatRuleBuilder.${method}`);
    change(this.state);
    return this as unknown as GBuilder;
  }
  private when(method: string, criteria: string, values: unknown[]): GBuilder {
    return this.me(method, (s) => {
      s.criteria = criteria;
      s.values = values;
    });
  }
  whenFormulaSatisfied(formula: string): GBuilder {
    return this.when('whenFormulaSatisfied', BooleanCriteria.CUSTOM_FORMULA, [String(formula)]);
  }
  whenTextEqualTo(text: string): GBuilder {
    return this.when('whenTextEqualTo', BooleanCriteria.TEXT_EQUAL_TO, [String(text)]);
  }
  whenNumberGreaterThanOrEqualTo(n: number): GBuilder {
    return this.when('whenNumberGreaterThanOrEqualTo', BooleanCriteria.NUMBER_GREATER_THAN_OR_EQUAL_TO, [n]);
  }
  whenNumberLessThan(n: number): GBuilder {
    return this.when('whenNumberLessThan', BooleanCriteria.NUMBER_LESS_THAN, [n]);
  }
  whenCellEmpty(): GBuilder {
    return this.when('whenCellEmpty', BooleanCriteria.CELL_EMPTY, []);
  }
  whenCellNotEmpty(): GBuilder {
    return this.when('whenCellNotEmpty', BooleanCriteria.CELL_NOT_EMPTY, []);
  }
  whenTextContains(text: string): GBuilder {
    return this.when('whenTextContains', BooleanCriteria.TEXT_CONTAINS, [String(text)]);
  }
  setBackground(color: string | null): GBuilder {
    return this.me('setBackground', (s) => {
      s.background = color;
    });
  }
  setFontColor(color: string | null): GBuilder {
    return this.me('setFontColor', (s) => {
      s.fontColor = color;
    });
  }
  setBold(bold: boolean | null): GBuilder {
    return this.me('setBold', (s) => {
      s.bold = bold;
    });
  }
  setRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): GBuilder {
    return this.me('setRanges', (s) => {
      s.ranges = [...(ranges as unknown as FakeRange[])];
    });
  }
  build(): GRule {
    this.env.calls.hit('ConditionalFormatRuleBuilder.build');
    // Sheets refuses a rule it could not show: no condition, or nothing to apply it to.
    if (this.state.criteria === null) throw new Error('Conditional format rule must have a condition.');
    if (this.state.ranges.length === 0) throw new Error('Conditional format rule must have at least one range.');
    return new FakeConditionalFormatRule(this.env, { ...this.state, ranges: [...this.state.ranges] }) as unknown as GRule;
  }
}
