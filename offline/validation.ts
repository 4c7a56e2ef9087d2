/** Data validation rules and their builder, as SpreadsheetApp.newDataValidation() makes them. */
import type { OfflineEnv } from './env';
import { isDate } from './realm';

type GDataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type GBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type GCriteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;

export const DataValidationCriteria = Object.freeze({
  DATE_AFTER: 'DATE_AFTER',
  DATE_BEFORE: 'DATE_BEFORE',
  DATE_BETWEEN: 'DATE_BETWEEN',
  DATE_EQUAL_TO: 'DATE_EQUAL_TO',
  DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
  DATE_NOT_BETWEEN: 'DATE_NOT_BETWEEN',
  DATE_ON_OR_AFTER: 'DATE_ON_OR_AFTER',
  DATE_ON_OR_BEFORE: 'DATE_ON_OR_BEFORE',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_EQUAL_TO: 'NUMBER_EQUAL_TO',
  NUMBER_GREATER_THAN: 'NUMBER_GREATER_THAN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  NUMBER_NOT_BETWEEN: 'NUMBER_NOT_BETWEEN',
  NUMBER_NOT_EQUAL_TO: 'NUMBER_NOT_EQUAL_TO',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  TEXT_DOES_NOT_CONTAIN: 'TEXT_DOES_NOT_CONTAIN',
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  TEXT_IS_VALID_EMAIL: 'TEXT_IS_VALID_EMAIL',
  TEXT_IS_VALID_URL: 'TEXT_IS_VALID_URL',
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  VALUE_IN_RANGE: 'VALUE_IN_RANGE',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  CHECKBOX: 'CHECKBOX',
});
export type CriteriaName = keyof typeof DataValidationCriteria;

interface RuleState {
  criteria: CriteriaName | null;
  args: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

const copyArgs = (args: unknown[]): unknown[] => args.map((a) => (Array.isArray(a) ? [...a] : a));

/** A built rule. Fakes read `criteria`/`args` directly; the bundle uses the getters. */
export class FakeDataValidation implements Pick<GDataValidation, 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText' | 'getAllowInvalid' | 'copy'> {
  constructor(
    private readonly env: OfflineEnv,
    readonly state: Readonly<RuleState>,
  ) {}

  getCriteriaType(): GCriteria {
    this.env.calls.hit('DataValidation.getCriteriaType');
    return this.state.criteria as unknown as GCriteria;
  }
  getCriteriaValues(): any[] {
    this.env.calls.hit('DataValidation.getCriteriaValues');
    return copyArgs(this.state.args);
  }
  /** The help text, or null when none was set (the typings say string). */
  getHelpText(): string {
    this.env.calls.hit('DataValidation.getHelpText');
    return this.state.helpText as string;
  }
  getAllowInvalid(): boolean {
    this.env.calls.hit('DataValidation.getAllowInvalid');
    return this.state.allowInvalid;
  }
  copy(): GBuilder {
    this.env.calls.hit('DataValidation.copy');
    return new FakeDataValidationBuilder(this.env, { ...this.state, args: copyArgs(this.state.args) }) as unknown as GBuilder;
  }
  /** The list values of a VALUE_IN_LIST rule (for the xlsx export and tests), else null. */
  listValues(): string[] | null {
    return this.state.criteria === 'VALUE_IN_LIST' ? [...(this.state.args[0] as string[])] : null;
  }
}

type BuilderMethods =
  | 'build'
  | 'copy'
  | 'getAllowInvalid'
  | 'getCriteriaType'
  | 'getCriteriaValues'
  | 'getHelpText'
  | 'requireCheckbox'
  | 'requireDate'
  | 'requireDateAfter'
  | 'requireDateBefore'
  | 'requireDateBetween'
  | 'requireDateOnOrAfter'
  | 'requireDateOnOrBefore'
  | 'requireNumberBetween'
  | 'requireNumberGreaterThan'
  | 'requireNumberGreaterThanOrEqualTo'
  | 'requireNumberLessThan'
  | 'requireNumberLessThanOrEqualTo'
  | 'requireNumberEqualTo'
  | 'requireTextIsEmail'
  | 'requireTextIsUrl'
  | 'requireValueInList'
  | 'requireValueInRange'
  | 'requireFormulaSatisfied'
  | 'setAllowInvalid'
  | 'setHelpText'
  | 'withCriteria';

export class FakeDataValidationBuilder implements Pick<GBuilder, BuilderMethods> {
  private state: RuleState;

  constructor(
    private readonly env: OfflineEnv,
    state?: RuleState,
  ) {
    // A new rule allows invalid data (shows a warning) until setAllowInvalid(false).
    this.state = state ?? { criteria: null, args: [], allowInvalid: true, helpText: null };
  }

  private set(method: string, criteria: CriteriaName, args: unknown[]): GBuilder {
    this.env.calls.hit(`DataValidationBuilder.${method}`);
    this.state = { ...this.state, criteria, args };
    return this as unknown as GBuilder;
  }

  private date(method: string, v: unknown): Date {
    if (!isDate(v)) throw new Error(`The parameters (${typeof v}) don't match the method signature for SpreadsheetApp.DataValidationBuilder.${method}.`);
    return new this.env.realm.Date(v.getTime());
  }

  build(): GDataValidation {
    this.env.calls.hit('DataValidationBuilder.build');
    if (!this.state.criteria) throw new Error('You must specify a criteria for the data validation rule.');
    return new FakeDataValidation(this.env, { ...this.state, args: copyArgs(this.state.args) }) as unknown as GDataValidation;
  }
  copy(): GBuilder {
    this.env.calls.hit('DataValidationBuilder.copy');
    return new FakeDataValidationBuilder(this.env, { ...this.state, args: copyArgs(this.state.args) }) as unknown as GBuilder;
  }
  getAllowInvalid(): boolean {
    this.env.calls.hit('DataValidationBuilder.getAllowInvalid');
    return this.state.allowInvalid;
  }
  getCriteriaType(): GCriteria {
    this.env.calls.hit('DataValidationBuilder.getCriteriaType');
    return this.state.criteria as unknown as GCriteria;
  }
  getCriteriaValues(): any[] {
    this.env.calls.hit('DataValidationBuilder.getCriteriaValues');
    return copyArgs(this.state.args);
  }
  getHelpText(): string | null {
    this.env.calls.hit('DataValidationBuilder.getHelpText');
    return this.state.helpText;
  }

  requireCheckbox(checked?: unknown, unchecked?: unknown): GBuilder {
    const args = checked === undefined ? [] : unchecked === undefined ? [checked] : [checked, unchecked];
    return this.set('requireCheckbox', 'CHECKBOX', args);
  }
  requireDate(): GBuilder {
    return this.set('requireDate', 'DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(d: Date): GBuilder {
    return this.set('requireDateAfter', 'DATE_AFTER', [this.date('requireDateAfter', d)]);
  }
  requireDateBefore(d: Date): GBuilder {
    return this.set('requireDateBefore', 'DATE_BEFORE', [this.date('requireDateBefore', d)]);
  }
  requireDateBetween(a: Date, b: Date): GBuilder {
    return this.set('requireDateBetween', 'DATE_BETWEEN', [this.date('requireDateBetween', a), this.date('requireDateBetween', b)]);
  }
  requireDateOnOrAfter(d: Date): GBuilder {
    return this.set('requireDateOnOrAfter', 'DATE_ON_OR_AFTER', [this.date('requireDateOnOrAfter', d)]);
  }
  requireDateOnOrBefore(d: Date): GBuilder {
    return this.set('requireDateOnOrBefore', 'DATE_ON_OR_BEFORE', [this.date('requireDateOnOrBefore', d)]);
  }
  requireNumberBetween(a: number, b: number): GBuilder {
    return this.set('requireNumberBetween', 'NUMBER_BETWEEN', [a, b]);
  }
  requireNumberEqualTo(n: number): GBuilder {
    return this.set('requireNumberEqualTo', 'NUMBER_EQUAL_TO', [n]);
  }
  requireNumberGreaterThan(n: number): GBuilder {
    return this.set('requireNumberGreaterThan', 'NUMBER_GREATER_THAN', [n]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): GBuilder {
    return this.set('requireNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  requireNumberLessThan(n: number): GBuilder {
    return this.set('requireNumberLessThan', 'NUMBER_LESS_THAN', [n]);
  }
  requireNumberLessThanOrEqualTo(n: number): GBuilder {
    return this.set('requireNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  requireTextIsEmail(): GBuilder {
    return this.set('requireTextIsEmail', 'TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): GBuilder {
    return this.set('requireTextIsUrl', 'TEXT_IS_VALID_URL', []);
  }
  requireValueInList(values: string[], showDropdown?: boolean): GBuilder {
    if (!Array.isArray(values)) {
      throw new Error(`The parameters (${typeof values}) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.`);
    }
    return this.set('requireValueInList', 'VALUE_IN_LIST', [values.map(String), showDropdown ?? true]);
  }
  requireValueInRange(range: GoogleAppsScript.Spreadsheet.Range, showDropdown?: boolean): GBuilder {
    return this.set('requireValueInRange', 'VALUE_IN_RANGE', [range, showDropdown ?? true]);
  }
  requireFormulaSatisfied(formula: string): GBuilder {
    return this.set('requireFormulaSatisfied', 'CUSTOM_FORMULA', [formula]);
  }
  setAllowInvalid(allow: boolean): GBuilder {
    this.env.calls.hit('DataValidationBuilder.setAllowInvalid');
    this.state = { ...this.state, allowInvalid: !!allow };
    return this as unknown as GBuilder;
  }
  setHelpText(text: string): GBuilder {
    this.env.calls.hit('DataValidationBuilder.setHelpText');
    this.state = { ...this.state, helpText: String(text) };
    return this as unknown as GBuilder;
  }
  withCriteria(criteria: GCriteria, args: any[]): GBuilder {
    return this.set('withCriteria', String(criteria) as CriteriaName, copyArgs(args));
  }
}
