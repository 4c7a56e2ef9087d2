/**
 * FormApp, the part a call-logging form needs: a form with list, multiple-choice, text and paragraph
 * items; its published and edit links; responses made and submitted as the documented
 * form.createResponse() → item.createResponse(value) → withItemResponse() → submit() chain, which
 * tests then hand to the form's on-form-submit trigger as Google does ({ response, source }).
 * https://developers.google.com/apps-script/reference/forms/form-app
 * https://developers.google.com/apps-script/reference/forms/form
 * https://developers.google.com/apps-script/reference/forms/form-response
 */
import { newDriveId, type OfflineEnv } from './env';

export const DestinationType = Object.freeze({ SPREADSHEET: 'SPREADSHEET' });
export const ItemType = Object.freeze({ LIST: 'LIST', MULTIPLE_CHOICE: 'MULTIPLE_CHOICE', TEXT: 'TEXT', PARAGRAPH_TEXT: 'PARAGRAPH_TEXT' });
type Kind = keyof typeof ItemType;

/** Form.getItemById and FormApp.openById's message when there is no such thing. */
export const FORM_NOT_FOUND = 'No item with the given ID could be found, or you do not have permission to access it.';

export class FakeItemResponse {
  constructor(
    private readonly env: OfflineEnv,
    private readonly item: FakeItem,
    private readonly value: string,
  ) {}
  getItem(): FakeItem {
    this.env.calls.hit('ItemResponse.getItem');
    return this.item;
  }
  getResponse(): string {
    this.env.calls.hit('ItemResponse.getResponse');
    return this.value;
  }
}

/** One item; as<Kind>Item() gives the same object, refusing the wrong kind as Apps Script does. */
export class FakeItem {
  private title = '';
  private required = false;
  private choices: string[] = [];
  private helpText = '';
  constructor(
    private readonly env: OfflineEnv,
    readonly id: number,
    readonly kind: Kind,
  ) {}
  private hit(m: string): void {
    this.env.calls.hit(`Item.${m}`);
  }
  private as(kind: Kind): this {
    this.hit(`as${kind}`);
    if (this.kind !== kind) throw new Error(`Item ${this.id} is of type ${this.kind}, not ${kind}.`);
    return this;
  }
  getId(): number {
    this.hit('getId');
    return this.id;
  }
  getType(): string {
    this.hit('getType');
    return this.kind;
  }
  getTitle(): string {
    this.hit('getTitle');
    return this.title;
  }
  setTitle(t: string): this {
    this.hit('setTitle');
    this.title = String(t);
    return this;
  }
  getHelpText(): string {
    this.hit('getHelpText');
    return this.helpText;
  }
  setHelpText(t: string): this {
    this.hit('setHelpText');
    this.helpText = String(t);
    return this;
  }
  isRequired(): boolean {
    this.hit('isRequired');
    return this.required;
  }
  setRequired(r: boolean): this {
    this.hit('setRequired');
    this.required = !!r;
    return this;
  }
  /** List and multiple-choice items: the choices as plain values. */
  setChoiceValues(values: string[]): this {
    this.hit('setChoiceValues');
    if (this.kind !== 'LIST' && this.kind !== 'MULTIPLE_CHOICE') throw new Error('setChoiceValues is not a function of this item.');
    if (!Array.isArray(values) || values.length === 0) throw new Error('Invalid data updating form.');
    this.choices = values.map(String);
    return this;
  }
  getChoices(): Array<{ getValue(): string }> {
    this.hit('getChoices');
    return this.choices.map((v) => ({ getValue: () => v }));
  }
  asListItem(): this {
    return this.as('LIST');
  }
  asMultipleChoiceItem(): this {
    return this.as('MULTIPLE_CHOICE');
  }
  asTextItem(): this {
    return this.as('TEXT');
  }
  asParagraphTextItem(): this {
    return this.as('PARAGRAPH_TEXT');
  }
  /** An answer to this item; a list or multiple-choice answer must be one of its choices. */
  createResponse(value: string): FakeItemResponse {
    this.hit('createResponse');
    const v = String(value);
    if ((this.kind === 'LIST' || this.kind === 'MULTIPLE_CHOICE') && !this.choices.includes(v))
      throw new Error(`Invalid response submitted to item ${this.id}: "${v}".`);
    return new FakeItemResponse(this.env, this, v);
  }
}

export class FakeFormResponse {
  private readonly answers = new Map<number, FakeItemResponse>();
  private timestamp: Date | null = null;
  readonly id = newDriveId();
  constructor(
    private readonly env: OfflineEnv,
    private readonly form: FakeForm,
    private readonly email: string,
  ) {}
  withItemResponse(r: FakeItemResponse): this {
    this.env.calls.hit('FormResponse.withItemResponse');
    this.answers.set(r.getItem().id, r);
    return this;
  }
  /** Submits: every required item must be answered. */
  submit(): this {
    this.env.calls.hit('FormResponse.submit');
    const missing = this.form.items.find((i) => i.isRequired() && !this.answers.has(i.id));
    if (missing) throw new Error(`A response to the required item "${missing.getTitle()}" is missing.`);
    this.timestamp = new this.env.realm.Date();
    this.form.responses.push(this);
    this.form.record(this);
    return this;
  }
  getId(): string {
    this.env.calls.hit('FormResponse.getId');
    return this.id;
  }
  getTimestamp(): Date {
    this.env.calls.hit('FormResponse.getTimestamp');
    return this.timestamp ?? new this.env.realm.Date();
  }
  getRespondentEmail(): string {
    this.env.calls.hit('FormResponse.getRespondentEmail');
    return this.form.collectEmail ? this.email : '';
  }
  getItemResponses(): FakeItemResponse[] {
    this.env.calls.hit('FormResponse.getItemResponses');
    return this.form.items.map((i) => this.answers.get(i.id)).filter((r): r is FakeItemResponse => !!r);
  }
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type OpenSpreadsheet = (id: string) => GoogleAppsScript.Spreadsheet.Spreadsheet;

export class FakeForm {
  readonly items: FakeItem[] = [];
  /** The responses tab when the form sends its responses to a spreadsheet. */
  destination: Sheet | null = null;
  destinationId: string | null = null;
  readonly responses: FakeFormResponse[] = [];
  collectEmail = false;
  private description = '';
  private nextItem = 1;
  constructor(
    private readonly env: OfflineEnv,
    readonly id: string,
    private title: string,
    private readonly open: OpenSpreadsheet,
  ) {}
  private hit(m: string): void {
    this.env.calls.hit(`Form.${m}`);
  }
  /**
   * Responses go to a new "Form Responses N" tab of that spreadsheet: Timestamp, Email Address when
   * emails are collected, then one column per question, as Google lays it out.
   */
  setDestination(type: string, id: string): this {
    this.hit('setDestination');
    if (type !== DestinationType.SPREADSHEET) throw new Error('Invalid argument: type');
    const ss = this.open(id);
    let n = 1;
    while (ss.getSheetByName(`Form Responses ${n}`)) n++;
    const sheet = ss.insertSheet(`Form Responses ${n}`);
    const header = ['Timestamp', ...(this.collectEmail ? ['Email Address'] : []), ...this.items.map((i) => i.getTitle())];
    sheet.getRange(1, 1, 1, header.length).setValues([header]);
    this.destination = sheet;
    this.destinationId = String(id);
    return this;
  }
  getDestinationId(): string {
    this.hit('getDestinationId');
    if (!this.destinationId) throw new Error('This form does not currently have a response destination.');
    return this.destinationId;
  }
  /** A submitted response's row on the responses tab (the offline stand-in for Google's own writing). */
  record(r: FakeFormResponse): void {
    const sheet = this.destination;
    if (!sheet) return;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
    const byTitle = new Map(r.getItemResponses().map((a) => [a.getItem().getTitle(), a.getResponse()]));
    // Answers are written as the text typed: one that starts with "=" stays text, never a formula.
    const text = (v: string) => (/^[=+\-@]/.test(v) ? `'${v}` : v);
    const row = header.map((h, c) =>
      c === 0 ? r.getTimestamp() : h === 'Email Address' && this.collectEmail ? r.getRespondentEmail() : text(byTitle.get(h) ?? ''),
    );
    sheet.getRange(sheet.getLastRow() + 1, 1, 1, row.length).setValues([row]);
  }
  private add(kind: Kind): FakeItem {
    const i = new FakeItem(this.env, this.id.length * 1000 + this.nextItem++, kind);
    this.items.push(i);
    return i;
  }
  getId(): string {
    this.hit('getId');
    return this.id;
  }
  getTitle(): string {
    this.hit('getTitle');
    return this.title;
  }
  setTitle(t: string): this {
    this.hit('setTitle');
    this.title = String(t);
    return this;
  }
  getDescription(): string {
    this.hit('getDescription');
    return this.description;
  }
  setDescription(d: string): this {
    this.hit('setDescription');
    this.description = String(d);
    return this;
  }
  setCollectEmail(c: boolean): this {
    this.hit('setCollectEmail');
    this.collectEmail = !!c;
    return this;
  }
  collectsEmail(): boolean {
    this.hit('collectsEmail');
    return this.collectEmail;
  }
  getPublishedUrl(): string {
    this.hit('getPublishedUrl');
    return `https://docs.google.com/forms/d/e/${this.id}/viewform`;
  }
  getEditUrl(): string {
    this.hit('getEditUrl');
    return `https://docs.google.com/forms/d/${this.id}/edit`;
  }
  addListItem(): FakeItem {
    this.hit('addListItem');
    return this.add('LIST');
  }
  addMultipleChoiceItem(): FakeItem {
    this.hit('addMultipleChoiceItem');
    return this.add('MULTIPLE_CHOICE');
  }
  addTextItem(): FakeItem {
    this.hit('addTextItem');
    return this.add('TEXT');
  }
  addParagraphTextItem(): FakeItem {
    this.hit('addParagraphTextItem');
    return this.add('PARAGRAPH_TEXT');
  }
  getItems(): FakeItem[] {
    this.hit('getItems');
    return [...this.items];
  }
  getItemById(id: number): FakeItem | null {
    this.hit('getItemById');
    return this.items.find((i) => i.id === id) ?? null;
  }
  createResponse(): FakeFormResponse {
    this.hit('createResponse');
    return new FakeFormResponse(this.env, this, this.env.userEmail);
  }
  getResponses(): FakeFormResponse[] {
    this.hit('getResponses');
    return [...this.responses];
  }
}

export class FakeFormApp {
  readonly ItemType = ItemType;
  readonly DestinationType = DestinationType;
  readonly forms = new Map<string, FakeForm>();
  constructor(
    private readonly env: OfflineEnv,
    private readonly open: OpenSpreadsheet,
  ) {}
  create(title: string): FakeForm {
    this.env.calls.hit('FormApp.create');
    const form = new FakeForm(this.env, newDriveId(), String(title), this.open);
    this.forms.set(form.id, form);
    return form;
  }
  openById(id: string): FakeForm {
    this.env.calls.hit('FormApp.openById');
    const form = this.forms.get(String(id));
    if (!form) throw new Error(FORM_NOT_FOUND);
    return form;
  }
}
