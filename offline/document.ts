/**
 * DocumentApp: documents as a tree of paragraphs, list items, tables, rules and page breaks, each with
 * text attributes. Created documents are Drive files (same id) in My Drive. `structure()` and
 * `renderHtml()` let tests read what a document says.
 */
import { escapeHtml } from './html';
import { emailOf, FakeUser, type OfflineEnv } from './env';
import { MimeType, type DriveItem, type DriveStore } from './drive';
import type { FakeBlob } from './utilities';
import { lineChartSvg } from '../src/core/monitor/trendChart';

type GDocument = GoogleAppsScript.Document.Document;
type GBody = GoogleAppsScript.Document.Body;
type GParagraph = GoogleAppsScript.Document.Paragraph;
type GListItem = GoogleAppsScript.Document.ListItem;
type GTable = GoogleAppsScript.Document.Table;
type GTableRow = GoogleAppsScript.Document.TableRow;
type GTableCell = GoogleAppsScript.Document.TableCell;
type GText = GoogleAppsScript.Document.Text;
type GElement = GoogleAppsScript.Document.Element;
type GUser = GoogleAppsScript.Base.User;
type GInlineImage = GoogleAppsScript.Document.InlineImage;

const enumOf = <K extends string>(...keys: K[]): Readonly<Record<K, K>> => Object.freeze(Object.fromEntries(keys.map((k) => [k, k])) as Record<K, K>);

export const ParagraphHeading = enumOf('NORMAL', 'HEADING1', 'HEADING2', 'HEADING3', 'HEADING4', 'HEADING5', 'HEADING6', 'TITLE', 'SUBTITLE');
export const GlyphType = enumOf('BULLET', 'HOLLOW_BULLET', 'SQUARE_BULLET', 'NUMBER', 'LATIN_UPPER', 'LATIN_LOWER', 'ROMAN_UPPER', 'ROMAN_LOWER');
export const HorizontalAlignment = enumOf('LEFT', 'CENTER', 'RIGHT', 'JUSTIFY');
export const Attribute = enumOf(
  'BACKGROUND_COLOR',
  'BOLD',
  'BORDER_COLOR',
  'BORDER_WIDTH',
  'CODE',
  'FONT_FAMILY',
  'FONT_SIZE',
  'FOREGROUND_COLOR',
  'HEADING',
  'HEIGHT',
  'HORIZONTAL_ALIGNMENT',
  'INDENT_END',
  'INDENT_FIRST_LINE',
  'INDENT_START',
  'ITALIC',
  'GLYPH_TYPE',
  'LEFT_TO_RIGHT',
  'LINE_SPACING',
  'LINK_URL',
  'LIST_ID',
  'MARGIN_BOTTOM',
  'MARGIN_LEFT',
  'MARGIN_RIGHT',
  'MARGIN_TOP',
  'NESTING_LEVEL',
  'MINIMUM_HEIGHT',
  'PADDING_BOTTOM',
  'PADDING_LEFT',
  'PADDING_RIGHT',
  'PADDING_TOP',
  'PAGE_HEIGHT',
  'PAGE_WIDTH',
  'SPACING_AFTER',
  'SPACING_BEFORE',
  'STRIKETHROUGH',
  'UNDERLINE',
  'VERTICAL_ALIGNMENT',
  'WIDTH',
);
export const ElementType = enumOf(
  'BODY_SECTION',
  'HORIZONTAL_RULE',
  'INLINE_IMAGE',
  'LIST_ITEM',
  'PAGE_BREAK',
  'PARAGRAPH',
  'TABLE',
  'TABLE_CELL',
  'TABLE_ROW',
  'TEXT',
);

export const CLOSED_MESSAGE = 'Document is closed, its contents cannot be updated.';

/** Character attributes a Text run may carry. */
type RunAttr = 'BOLD' | 'ITALIC' | 'FOREGROUND_COLOR' | 'LINK_URL';
interface Run {
  start: number;
  end: number;
  attr: RunAttr;
  value: unknown;
}

/** Shared state of one document: its calls and whether it was closed. */
interface DocCtx {
  env: OfflineEnv;
  closed: () => boolean;
}

const guard = (ctx: DocCtx): void => {
  if (ctx.closed()) throw new Error(CLOSED_MESSAGE);
};

/** The editable text of one element, with attribute runs (later runs win). */
export class FakeText implements Pick<GText, 'getText' | 'setBold' | 'setItalic' | 'setForegroundColor' | 'setLinkUrl' | 'setText'> {
  runs: Run[] = [];
  constructor(
    private readonly ctx: DocCtx,
    public text: string,
  ) {}

  private span(method: string, args: unknown[], attr: RunAttr): GText {
    this.ctx.env.calls.hit(`Text.${method}`);
    guard(this.ctx);
    if (args.length >= 3) {
      const [start, endInclusive, value] = args as [number, number, unknown];
      if (start < 0 || endInclusive >= this.text.length || start > endInclusive) {
        throw new Error(`Index (${endInclusive}) must be less than the content length (${this.text.length}).`);
      }
      this.runs.push({ start, end: endInclusive + 1, attr, value });
    } else {
      this.runs.push({ start: 0, end: this.text.length, attr, value: args[0] });
    }
    return this as unknown as GText;
  }
  getText(): string {
    this.ctx.env.calls.hit('Text.getText');
    return this.text;
  }
  setText(text: string): GText {
    this.ctx.env.calls.hit('Text.setText');
    guard(this.ctx);
    this.text = String(text);
    this.runs = [];
    return this as unknown as GText;
  }
  setBold(...args: any[]): GText {
    return this.span('setBold', args, 'BOLD');
  }
  setItalic(...args: any[]): GText {
    return this.span('setItalic', args, 'ITALIC');
  }
  setForegroundColor(...args: any[]): GText {
    return this.span('setForegroundColor', args, 'FOREGROUND_COLOR');
  }
  setLinkUrl(...args: any[]): GText {
    return this.span('setLinkUrl', args, 'LINK_URL');
  }

  /** Attributes of each character (element-wide attributes first, runs over them). */
  charAttrs(base: Record<string, unknown>): Array<Partial<Record<RunAttr, unknown>>> {
    const out = Array.from({ length: this.text.length }, () => {
      const a: Partial<Record<RunAttr, unknown>> = {};
      for (const k of ['BOLD', 'ITALIC', 'FOREGROUND_COLOR', 'LINK_URL'] as RunAttr[]) if (base[k] !== undefined) a[k] = base[k];
      return a;
    });
    for (const r of this.runs) for (let i = r.start; i < Math.min(r.end, out.length); i++) out[i][r.attr] = r.value;
    return out;
  }
  /** The text as HTML: bold, italic, colour and links as inline markup, everything escaped. */
  html(base: Record<string, unknown>): string {
    const attrs = this.charAttrs(base);
    let out = '';
    let i = 0;
    while (i < this.text.length) {
      const key = JSON.stringify(attrs[i]);
      let j = i + 1;
      while (j < this.text.length && JSON.stringify(attrs[j]) === key) j++;
      let piece = escapeHtml(this.text.slice(i, j));
      const a = attrs[i];
      if (a.BOLD) piece = `<b>${piece}</b>`;
      if (a.ITALIC) piece = `<i>${piece}</i>`;
      if (a.FOREGROUND_COLOR) piece = `<span style="color:${escapeHtml(String(a.FOREGROUND_COLOR))}">${piece}</span>`;
      if (a.LINK_URL) piece = `<a href="${escapeHtml(String(a.LINK_URL))}">${piece}</a>`;
      out += piece;
      i = j;
    }
    return out;
  }
}

/** What paragraphs, list items and cells share: text, attributes and a type. */
abstract class TextElement<G> {
  readonly attributes: Record<string, unknown> = {};
  readonly textRef: FakeText;
  constructor(
    protected readonly ctx: DocCtx,
    readonly cls: string,
    text: string,
  ) {
    this.textRef = new FakeText(ctx, text);
  }
  protected hit(method: string): void {
    this.ctx.env.calls.hit(`${this.cls}.${method}`);
  }
  protected me(method: string, mutates = true): G {
    this.hit(method);
    if (mutates) guard(this.ctx);
    return this as unknown as G;
  }
  getText(): string {
    this.hit('getText');
    return this.textRef.text;
  }
  setText(text: string): G {
    this.textRef.text = String(text);
    this.textRef.runs = [];
    return this.me('setText');
  }
  editAsText(): GText {
    this.hit('editAsText');
    return this.textRef as unknown as GText;
  }
  setAttributes(attributes: any): G {
    this.applyAttributes(attributes ?? {});
    return this.me('setAttributes');
  }
  getAttributes(): any {
    this.hit('getAttributes');
    return { ...this.attributes };
  }
  setLinkUrl(url: string): G {
    this.attributes.LINK_URL = url;
    return this.me('setLinkUrl');
  }
  setBold(bold: boolean): G {
    this.attributes.BOLD = !!bold;
    return this.me('setBold');
  }
  protected applyAttributes(attrs: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(attrs)) this.attributes[String(k)] = v;
  }
}

export class FakeParagraph
  extends TextElement<GParagraph>
  implements
    Pick<
      GParagraph,
      'editAsText' | 'getHeading' | 'getText' | 'setAttributes' | 'setHeading' | 'setLinkUrl' | 'setAlignment' | 'getType' | 'setText' | 'getAttributes'
    >
{
  heading: string = ParagraphHeading.NORMAL;
  alignment: string | null = null;
  /** The image this paragraph holds (Body.appendImage makes a paragraph around it). */
  image: FakeInlineImage | null = null;
  constructor(
    ctx: DocCtx,
    text: string,
    readonly kind: 'paragraph' | 'hr' | 'pagebreak' = 'paragraph',
  ) {
    super(ctx, 'Paragraph', text);
  }
  setHeading(heading: GoogleAppsScript.Document.ParagraphHeading): GParagraph {
    this.heading = String(heading);
    return this.me('setHeading');
  }
  getHeading(): GoogleAppsScript.Document.ParagraphHeading {
    this.hit('getHeading');
    return this.heading as unknown as GoogleAppsScript.Document.ParagraphHeading;
  }
  setAlignment(alignment: GoogleAppsScript.Document.HorizontalAlignment): GParagraph {
    this.alignment = String(alignment);
    return this.me('setAlignment');
  }
  getType(): GoogleAppsScript.Document.ElementType {
    this.hit('getType');
    return (this.kind === 'hr'
      ? 'HORIZONTAL_RULE'
      : this.kind === 'pagebreak'
        ? 'PAGE_BREAK'
        : 'PARAGRAPH') as unknown as GoogleAppsScript.Document.ElementType;
  }
  protected applyAttributes(attrs: Record<string, unknown>): void {
    super.applyAttributes(attrs);
    if (attrs.HEADING !== undefined) this.heading = String(attrs.HEADING);
    if (attrs.HORIZONTAL_ALIGNMENT !== undefined) this.alignment = String(attrs.HORIZONTAL_ALIGNMENT);
  }
}

export class FakeListItem
  extends TextElement<GListItem>
  implements
    Pick<
      GListItem,
      | 'editAsText'
      | 'getHeading'
      | 'getText'
      | 'setAttributes'
      | 'setHeading'
      | 'setLinkUrl'
      | 'setGlyphType'
      | 'getGlyphType'
      | 'setNestingLevel'
      | 'getNestingLevel'
      | 'getType'
      | 'setText'
      | 'getAttributes'
    >
{
  heading: string = ParagraphHeading.NORMAL;
  glyph: string = GlyphType.BULLET;
  nesting = 0;
  constructor(ctx: DocCtx, text: string) {
    super(ctx, 'ListItem', text);
  }
  setHeading(heading: GoogleAppsScript.Document.ParagraphHeading): GListItem {
    this.heading = String(heading);
    return this.me('setHeading');
  }
  getHeading(): GoogleAppsScript.Document.ParagraphHeading {
    this.hit('getHeading');
    return this.heading as unknown as GoogleAppsScript.Document.ParagraphHeading;
  }
  setGlyphType(glyphType: GoogleAppsScript.Document.GlyphType): GListItem {
    this.glyph = String(glyphType);
    return this.me('setGlyphType');
  }
  getGlyphType(): GoogleAppsScript.Document.GlyphType {
    this.hit('getGlyphType');
    return this.glyph as unknown as GoogleAppsScript.Document.GlyphType;
  }
  setNestingLevel(nestingLevel: number): GListItem {
    this.nesting = nestingLevel;
    return this.me('setNestingLevel');
  }
  getNestingLevel(): number {
    this.hit('getNestingLevel');
    return this.nesting;
  }
  getType(): GoogleAppsScript.Document.ElementType {
    this.hit('getType');
    return 'LIST_ITEM' as unknown as GoogleAppsScript.Document.ElementType;
  }
  protected applyAttributes(attrs: Record<string, unknown>): void {
    super.applyAttributes(attrs);
    if (attrs.HEADING !== undefined) this.heading = String(attrs.HEADING);
    if (attrs.GLYPH_TYPE !== undefined) this.glyph = String(attrs.GLYPH_TYPE);
    if (attrs.NESTING_LEVEL !== undefined) this.nesting = Number(attrs.NESTING_LEVEL);
  }
}

export class FakeTableCell
  extends TextElement<GTableCell>
  implements
    Pick<GTableCell, 'editAsText' | 'getText' | 'setAttributes' | 'setBackgroundColor' | 'getBackgroundColor' | 'getType' | 'setText' | 'getAttributes'>
{
  background: string | null = null;
  constructor(ctx: DocCtx, text: string) {
    super(ctx, 'TableCell', text);
  }
  setBackgroundColor(color: string): GTableCell {
    this.background = String(color);
    return this.me('setBackgroundColor');
  }
  getBackgroundColor(): string {
    this.hit('getBackgroundColor');
    return this.background as string;
  }
  getType(): GoogleAppsScript.Document.ElementType {
    this.hit('getType');
    return 'TABLE_CELL' as unknown as GoogleAppsScript.Document.ElementType;
  }
  protected applyAttributes(attrs: Record<string, unknown>): void {
    super.applyAttributes(attrs);
    if (attrs.BACKGROUND_COLOR !== undefined) this.background = String(attrs.BACKGROUND_COLOR);
  }
}

export class FakeTableRow
  extends TextElement<GTableRow>
  implements Pick<GTableRow, 'getCell' | 'getNumCells' | 'getText' | 'setAttributes' | 'editAsText' | 'getType'>
{
  constructor(
    ctx: DocCtx,
    readonly cells: FakeTableCell[],
  ) {
    super(ctx, 'TableRow', '');
  }
  getCell(cellIndex: number): GTableCell {
    this.hit('getCell');
    const c = this.cells[cellIndex];
    if (!c) throw new Error(`Child index (${cellIndex}) must be less than the number of child elements (${this.cells.length}).`);
    return c as unknown as GTableCell;
  }
  getNumCells(): number {
    this.hit('getNumCells');
    return this.cells.length;
  }
  getText(): string {
    this.hit('getText');
    return this.cells.map((c) => c.textRef.text).join('');
  }
  editAsText(): GText {
    this.hit('editAsText');
    return rowText(this.ctx, this.cells);
  }
  getType(): GoogleAppsScript.Document.ElementType {
    this.hit('getType');
    return 'TABLE_ROW' as unknown as GoogleAppsScript.Document.ElementType;
  }
  protected applyAttributes(attrs: Record<string, unknown>): void {
    super.applyAttributes(attrs);
    for (const c of this.cells) c.setAttributes(attrs);
  }
}

/** A Text spanning several cells: whole-range setters apply to each cell. */
const rowText = (ctx: DocCtx, cells: FakeTableCell[]): GText => {
  const apply =
    (method: 'setBold' | 'setItalic' | 'setForegroundColor' | 'setLinkUrl') =>
    (...args: any[]) => {
      if (args.length >= 3) throw new Error(`${method} with offsets is only supported on one cell's text.`);
      for (const c of cells) (c.textRef[method] as (...a: any[]) => GText)(...args);
      return proxy;
    };
  const proxy = {
    getText: () => {
      ctx.env.calls.hit('Text.getText');
      return cells.map((c) => c.textRef.text).join('');
    },
    setBold: apply('setBold'),
    setItalic: apply('setItalic'),
    setForegroundColor: apply('setForegroundColor'),
    setLinkUrl: apply('setLinkUrl'),
  } as unknown as GText;
  return proxy;
};

export class FakeTable
  extends TextElement<GTable>
  implements
    Pick<
      GTable,
      'getCell' | 'getNumRows' | 'getRow' | 'getText' | 'setAttributes' | 'editAsText' | 'getType' | 'setBorderWidth' | 'setColumnWidth' | 'appendTableRow'
    >
{
  readonly columnWidths = new Map<number, number>();
  borderWidth: number | null = null;
  constructor(
    ctx: DocCtx,
    readonly rows: FakeTableRow[],
  ) {
    super(ctx, 'Table', '');
  }
  getNumRows(): number {
    this.hit('getNumRows');
    return this.rows.length;
  }
  getRow(rowIndex: number): GTableRow {
    this.hit('getRow');
    const r = this.rows[rowIndex];
    if (!r) throw new Error(`Child index (${rowIndex}) must be less than the number of child elements (${this.rows.length}).`);
    return r as unknown as GTableRow;
  }
  getCell(rowIndex: number, cellIndex: number): GTableCell {
    this.hit('getCell');
    const r = this.rows[rowIndex];
    const c = r?.cells[cellIndex];
    if (!c)
      throw new Error(`Child index (${r ? cellIndex : rowIndex}) must be less than the number of child elements (${r ? r.cells.length : this.rows.length}).`);
    return c as unknown as GTableCell;
  }
  getText(): string {
    this.hit('getText');
    return this.rows.map((r) => r.cells.map((c) => c.textRef.text).join('')).join('');
  }
  editAsText(): GText {
    this.hit('editAsText');
    return rowText(
      this.ctx,
      this.rows.flatMap((r) => r.cells),
    );
  }
  getType(): GoogleAppsScript.Document.ElementType {
    this.hit('getType');
    return 'TABLE' as unknown as GoogleAppsScript.Document.ElementType;
  }
  setBorderWidth(width: number): GTable {
    this.borderWidth = width;
    return this.me('setBorderWidth');
  }
  setColumnWidth(columnIndex: number, width: number): GTable {
    this.columnWidths.set(columnIndex, width);
    return this.me('setColumnWidth');
  }
  appendTableRow(): GTableRow {
    this.hit('appendTableRow');
    guard(this.ctx);
    const row = new FakeTableRow(this.ctx, []);
    this.rows.push(row);
    return row as unknown as GTableRow;
  }
  protected applyAttributes(attrs: Record<string, unknown>): void {
    super.applyAttributes(attrs);
    // Character attributes set on a table reach the text of every cell.
    const charAttrs = Object.fromEntries(Object.entries(attrs).filter(([k]) => ['BOLD', 'ITALIC', 'FOREGROUND_COLOR', 'FONT_SIZE', 'FONT_FAMILY'].includes(k)));
    if (Object.keys(charAttrs).length) for (const r of this.rows) for (const c of r.cells) c.setAttributes(charAttrs);
  }
}

/** Image types Docs accepts (developers.google.com/apps-script/reference/document/body#appendImage(BlobSource)). */
const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif'];

/** An image in a paragraph (developers.google.com/apps-script/reference/document/inline-image). */
export class FakeInlineImage
  implements
    Pick<
      GInlineImage,
      'getAltDescription' | 'getAltTitle' | 'getHeight' | 'getWidth' | 'setAltDescription' | 'setAltTitle' | 'setHeight' | 'setWidth' | 'getType' | 'getBlob'
    >
{
  altTitle: string | null = null;
  altDescription: string | null = null;
  width: number;
  height: number;
  constructor(
    private readonly ctx: DocCtx,
    readonly blob: FakeBlob,
  ) {
    const size = pngSize(blob.bytes);
    this.width = Number(blob.chart?.options.get('width') ?? size.width);
    this.height = Number(blob.chart?.options.get('height') ?? size.height);
  }
  private me(method: string): GInlineImage {
    this.ctx.env.calls.hit(`InlineImage.${method}`);
    guard(this.ctx);
    return this as unknown as GInlineImage;
  }
  getAltTitle(): string {
    this.ctx.env.calls.hit('InlineImage.getAltTitle');
    return this.altTitle as string;
  }
  getAltDescription(): string {
    this.ctx.env.calls.hit('InlineImage.getAltDescription');
    return this.altDescription as string;
  }
  setAltTitle(title: string): GInlineImage {
    this.altTitle = String(title);
    return this.me('setAltTitle');
  }
  setAltDescription(description: string): GInlineImage {
    this.altDescription = String(description);
    return this.me('setAltDescription');
  }
  getWidth(): number {
    this.ctx.env.calls.hit('InlineImage.getWidth');
    return this.width;
  }
  getHeight(): number {
    this.ctx.env.calls.hit('InlineImage.getHeight');
    return this.height;
  }
  setWidth(width: number): GInlineImage {
    this.width = width;
    return this.me('setWidth');
  }
  setHeight(height: number): GInlineImage {
    this.height = height;
    return this.me('setHeight');
  }
  getType(): GoogleAppsScript.Document.ElementType {
    this.ctx.env.calls.hit('InlineImage.getType');
    return 'INLINE_IMAGE' as unknown as GoogleAppsScript.Document.ElementType;
  }
  /** The picture's data (https://developers.google.com/apps-script/reference/document/inline-image#getBlob()). */
  getBlob(): GoogleAppsScript.Base.Blob {
    this.ctx.env.calls.hit('InlineImage.getBlob');
    return this.blob as unknown as GoogleAppsScript.Base.Blob;
  }
  /**
   * The picture as a page shows it. Offline no PNG is drawn: a chart's picture is drawn from the chart it
   * came from, as SVG (the one chart drawing the project has); any other image is inlined as it is.
   */
  html(): string {
    const chart = this.blob.chart;
    if (chart) {
      const { columns, rows } = chart.data;
      const table = [columns.map((c) => c.label), ...rows.map((r) => r.map((v) => (typeof v === 'number' || typeof v === 'string' ? v : '')))];
      return `<figure class="image chart">${lineChartSvg(String(chart.options.get('title') ?? this.altTitle ?? ''), table, this.width, this.height)}</figure>`;
    }
    return `<figure class="image"><img src="data:${escapeHtml(this.blob.contentType ?? '')};base64,${this.blob.bytes.toString('base64')}" alt="${escapeHtml(this.altDescription ?? this.altTitle ?? '')}" width="${this.width}" height="${this.height}"></figure>`;
  }
}

/** Width and height from a PNG's header (1×1 when it is not one). */
const pngSize = (b: Buffer): { width: number; height: number } =>
  b.length >= 24 && b.toString('latin1', 1, 4) === 'PNG' ? { width: b.readUInt32BE(16), height: b.readUInt32BE(20) } : { width: 1, height: 1 };

type BodyChild = FakeParagraph | FakeListItem | FakeTable;

const PAGE_STYLE =
  'body{font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.45;color:#202124;max-width:60em;margin:2em auto;padding:0 1em}' +
  'h1.title{font-size:26px;margin-bottom:0}p.subtitle{font-size:17px;color:#5f6368;margin-top:.2em}h1{font-size:20px;margin-top:1.6em}' +
  'h2{font-size:16px;margin-top:1.3em}table{border-collapse:collapse;margin:.6em 0 1em;width:100%}' +
  'td{border:1px solid #9aa0a6;padding:4px 6px;text-align:left;vertical-align:top}figure.image{break-inside:avoid;margin:1em 0 .3em}figure.image svg{max-width:100%;height:auto}.page-break{border-top:1px dashed #9aa0a6;margin:2em 0}' +
  // Printed, a page break starts a new page as in Google Docs, whose own margins frame the page.
  '@media print{body{max-width:none;margin:0;padding:0}.page-break{break-after:page;border:0;margin:0}}';

/** A plain reading of a document body, for assertions. */
export type DocBlock =
  | { type: 'paragraph'; heading: string; text: string }
  | { type: 'listItem'; glyph: string; nesting: number; text: string }
  | { type: 'table'; rows: string[][] }
  | {
      type: 'image';
      contentType: string | null;
      altTitle: string | null;
      altDescription: string | null;
      width: number;
      height: number;
      /** What the picture draws when a chart made it: its type, title and data table. */
      chart?: { type: string; title: string; columns: string[]; rows: unknown[][] };
    }
  | { type: 'horizontalRule' }
  | { type: 'pageBreak' };

type BodyMethods =
  | 'appendHorizontalRule'
  | 'appendImage'
  | 'appendListItem'
  | 'appendPageBreak'
  | 'appendParagraph'
  | 'appendTable'
  | 'clear'
  | 'getChild'
  | 'getNumChildren'
  | 'getText'
  | 'editAsText'
  | 'setAttributes'
  | 'getChildIndex'
  | 'getParagraphs'
  | 'getTables'
  | 'getListItems'
  | 'removeChild';

export class FakeBody implements Pick<GBody, BodyMethods> {
  readonly children: BodyChild[];
  readonly attributes: Record<string, unknown> = {};

  constructor(private readonly ctx: DocCtx) {
    // A new document body holds one empty paragraph.
    this.children = [new FakeParagraph(ctx, '')];
  }
  private hit(method: string): void {
    this.ctx.env.calls.hit(`Body.${method}`);
  }
  private add<T extends BodyChild>(method: string, child: T): T {
    this.hit(method);
    guard(this.ctx);
    this.children.push(child);
    return child;
  }

  appendParagraph(text: string | GParagraph): GParagraph {
    const t = typeof text === 'string' ? text : (text as unknown as FakeParagraph).textRef.text;
    return this.add('appendParagraph', new FakeParagraph(this.ctx, String(t))) as unknown as GParagraph;
  }
  appendListItem(text: string | GListItem): GListItem {
    const t = typeof text === 'string' ? text : (text as unknown as FakeListItem).textRef.text;
    return this.add('appendListItem', new FakeListItem(this.ctx, String(t))) as unknown as GListItem;
  }
  /** One call for a whole table: rows of cell texts. */
  appendTable(cells?: string[][] | GTable): GTable {
    const grid = Array.isArray(cells) ? cells : [];
    if (grid.some((r) => !Array.isArray(r))) throw new Error("The parameters (Object[]) don't match the method signature for DocumentApp.Body.appendTable.");
    const rows = grid.map(
      (r) =>
        new FakeTableRow(
          this.ctx,
          r.map((c) => new FakeTableCell(this.ctx, String(c ?? ''))),
        ),
    );
    return this.add('appendTable', new FakeTable(this.ctx, rows)) as unknown as GTable;
  }
  /** A new paragraph holding the image; Docs takes PNG, JPEG and GIF blobs. */
  appendImage(image: GoogleAppsScript.Base.BlobSource | GInlineImage): GInlineImage {
    const source = image as unknown as { getBlob?: () => FakeBlob; bytes?: Buffer };
    const blob = (source.bytes ? source : source.getBlob?.()) as FakeBlob | undefined;
    if (!blob?.bytes) throw new Error("The parameters (Object) don't match the method signature for DocumentApp.Body.appendImage.");
    if (!IMAGE_TYPES.includes(blob.contentType ?? '')) throw new Error(`Unsupported image type ${blob.contentType}: Docs takes PNG, JPEG or GIF.`);
    const paragraph = this.add('appendImage', new FakeParagraph(this.ctx, ''));
    paragraph.image = new FakeInlineImage(this.ctx, blob);
    return paragraph.image as unknown as GInlineImage;
  }
  appendHorizontalRule(): GoogleAppsScript.Document.HorizontalRule {
    return this.add('appendHorizontalRule', new FakeParagraph(this.ctx, '', 'hr')) as unknown as GoogleAppsScript.Document.HorizontalRule;
  }
  appendPageBreak(): GoogleAppsScript.Document.PageBreak {
    return this.add('appendPageBreak', new FakeParagraph(this.ctx, '', 'pagebreak')) as unknown as GoogleAppsScript.Document.PageBreak;
  }
  getNumChildren(): number {
    this.hit('getNumChildren');
    return this.children.length;
  }
  getChild(childIndex: number): GElement {
    this.hit('getChild');
    const c = this.children[childIndex];
    if (!c) throw new Error(`Child index (${childIndex}) must be less than the number of child elements (${this.children.length}).`);
    return c as unknown as GElement;
  }
  getChildIndex(child: GElement): number {
    this.hit('getChildIndex');
    const i = this.children.indexOf(child as unknown as BodyChild);
    if (i < 0) throw new Error('Element does not contain the specified child element.');
    return i;
  }
  removeChild(child: GElement): GBody {
    this.hit('removeChild');
    guard(this.ctx);
    const i = this.children.indexOf(child as unknown as BodyChild);
    if (i < 0) throw new Error('Element does not contain the specified child element.');
    const paragraphs = this.children.filter((c) => c instanceof FakeParagraph || c instanceof FakeListItem);
    if (paragraphs.length === 1 && paragraphs[0] === this.children[i]) throw new Error("Can't remove the last paragraph in a document section.");
    this.children.splice(i, 1);
    return this as unknown as GBody;
  }
  getParagraphs(): GParagraph[] {
    this.hit('getParagraphs');
    return this.children.filter((c) => c instanceof FakeParagraph || c instanceof FakeListItem) as unknown as GParagraph[];
  }
  getTables(): GTable[] {
    this.hit('getTables');
    return this.children.filter((c) => c instanceof FakeTable) as unknown as GTable[];
  }
  getListItems(): GListItem[] {
    this.hit('getListItems');
    return this.children.filter((c) => c instanceof FakeListItem) as unknown as GListItem[];
  }
  /** Leaves one empty paragraph, as a cleared body does. */
  clear(): GBody {
    this.hit('clear');
    guard(this.ctx);
    this.children.splice(0, this.children.length, new FakeParagraph(this.ctx, ''));
    return this as unknown as GBody;
  }
  getText(): string {
    this.hit('getText');
    return this.plainText();
  }
  editAsText(): GText {
    this.hit('editAsText');
    return new FakeText(this.ctx, this.plainText()) as unknown as GText;
  }
  setAttributes(attributes: any): GBody {
    this.hit('setAttributes');
    Object.assign(this.attributes, attributes ?? {});
    return this as unknown as GBody;
  }

  // ---- reading (not counted) ----
  plainText(): string {
    return this.children
      .map((c) => (c instanceof FakeTable ? c.rows.map((r) => r.cells.map((x) => x.textRef.text).join('\t')).join('\n') : c.textRef.text))
      .join('\n');
  }
  structure(): DocBlock[] {
    return this.children.map((c): DocBlock => {
      if (c instanceof FakeTable) return { type: 'table', rows: c.rows.map((r) => r.cells.map((x) => x.textRef.text)) };
      if (c instanceof FakeListItem) return { type: 'listItem', glyph: c.glyph, nesting: c.nesting, text: c.textRef.text };
      if (c.kind === 'hr') return { type: 'horizontalRule' };
      if (c.kind === 'pagebreak') return { type: 'pageBreak' };
      if (c.image) {
        const { blob, altTitle, altDescription, width, height } = c.image;
        const chart = blob.chart && {
          type: blob.chart.type,
          title: String(blob.chart.options.get('title') ?? ''),
          columns: blob.chart.data.columns.map((x) => x.label),
          rows: blob.chart.data.rows.map((r) => [...r]),
        };
        return { type: 'image', contentType: blob.contentType, altTitle, altDescription, width, height, ...(chart ? { chart } : {}) };
      }
      return { type: 'paragraph', heading: c.heading, text: c.textRef.text };
    });
  }
  /**
   * The body as a whole page a browser shows as the document reads: UTF-8 (documents hold –, → and £),
   * bordered tables, and the cell colours the document was given.
   */
  renderPage(title: string): string {
    return [
      '<!DOCTYPE html>',
      '<html lang="en-GB"><head><meta charset="utf-8">',
      `<title>${escapeHtml(title)}</title>`,
      `<style>${PAGE_STYLE}</style></head><body>`,
      this.renderHtml(),
      '</body></html>',
    ].join('\n');
  }
  renderHtml(): string {
    const out: string[] = [];
    let list: { tag: string; items: string[] } | null = null;
    const flush = () => {
      if (list) {
        out.push(`<${list.tag}>${list.items.join('')}</${list.tag}>`);
        list = null;
      }
    };
    for (const c of this.children) {
      if (c instanceof FakeListItem) {
        const tag = c.glyph === 'BULLET' || c.glyph === 'HOLLOW_BULLET' || c.glyph === 'SQUARE_BULLET' ? 'ul' : 'ol';
        if (!list || list.tag !== tag) {
          flush();
          list = { tag, items: [] };
        }
        list.items.push(`<li>${c.textRef.html(c.attributes)}</li>`);
        continue;
      }
      flush();
      if (c instanceof FakeTable) {
        const rows = c.rows.map(
          (r) =>
            `<tr>${r.cells
              .map((x) => {
                const bg = x.background ? ` style="background-color:${escapeHtml(x.background)}"` : '';
                return `<td${bg}>${x.textRef.html(x.attributes)}</td>`;
              })
              .join('')}</tr>`,
        );
        out.push(`<table>${rows.join('')}</table>`);
      } else if (c.kind === 'hr') out.push('<hr>');
      else if (c.kind === 'pagebreak') out.push('<div class="page-break"></div>');
      else if (c.image) out.push(c.image.html());
      else {
        const tag =
          c.heading === 'TITLE'
            ? 'h1 class="title"'
            : c.heading === 'SUBTITLE'
              ? 'p class="subtitle"'
              : /^HEADING[1-6]$/.test(c.heading)
                ? `h${c.heading.slice(-1)}`
                : 'p';
        out.push(`<${tag}>${c.textRef.html(c.attributes)}</${tag.split(' ')[0]}>`);
      }
    }
    flush();
    return out.join('\n');
  }
}

type DocMethods =
  | 'addEditor'
  | 'addEditors'
  | 'addViewer'
  | 'addViewers'
  | 'getBody'
  | 'getEditors'
  | 'getId'
  | 'getName'
  | 'getUrl'
  | 'getViewers'
  | 'removeEditor'
  | 'removeViewer'
  | 'saveAndClose'
  | 'setName';

/** The content of one document, shared by every Document object opened on it. */
export class DocumentContent {
  body: FakeBody | null = null;
  constructor(readonly item: DriveItem) {}
}

export class FakeDocument implements Pick<GDocument, DocMethods> {
  private closed = false;
  private readonly ctx: DocCtx;

  constructor(
    private readonly env: OfflineEnv,
    readonly content: DocumentContent,
  ) {
    this.ctx = { env, closed: () => this.closed };
    // Every Document object for this id edits the same body; closing one closes only that handle.
    if (!content.body) content.body = new FakeBody({ env, closed: () => false });
  }
  private hit(method: string): void {
    this.env.calls.hit(`Document.${method}`);
  }
  private me(method: string): GDocument {
    this.hit(method);
    return this as unknown as GDocument;
  }
  private get item(): DriveItem {
    return this.content.item;
  }

  /** The body, as the fake (for tests): `structure()`, `renderHtml()`, `plainText()`. */
  get body(): FakeBody {
    return this.content.body!;
  }
  isClosed(): boolean {
    return this.closed;
  }

  getId(): string {
    this.hit('getId');
    return this.item.id;
  }
  getName(): string {
    this.hit('getName');
    return this.item.name.get();
  }
  setName(name: string): GDocument {
    this.item.name.set(String(name));
    return this.me('setName');
  }
  getUrl(): string {
    this.hit('getUrl');
    return this.item.url;
  }
  getBody(): GBody {
    this.hit('getBody');
    guard(this.ctx);
    return bodyView(this.body, this.ctx) as unknown as GBody;
  }
  saveAndClose(): void {
    this.hit('saveAndClose');
    this.closed = true;
  }
  addEditor(who: string | GUser): GDocument {
    this.item.editors.add(emailOf(who));
    this.item.viewers.delete(emailOf(who));
    this.item.commenters.delete(emailOf(who));
    return this.me('addEditor');
  }
  addEditors(emails: string[]): GDocument {
    for (const e of emails) this.item.editors.add(e);
    return this.me('addEditors');
  }
  removeEditor(who: string | GUser): GDocument {
    this.item.editors.delete(emailOf(who));
    return this.me('removeEditor');
  }
  addViewer(who: string | GUser): GDocument {
    if (!this.item.editors.has(emailOf(who)) && !this.item.commenters.has(emailOf(who))) this.item.viewers.add(emailOf(who));
    return this.me('addViewer');
  }
  addViewers(emails: string[]): GDocument {
    for (const e of emails) this.addViewer(e);
    return this.me('addViewers');
  }
  removeViewer(who: string | GUser): GDocument {
    this.item.viewers.delete(emailOf(who));
    return this.me('removeViewer');
  }
  /** Not on Document in Apps Script (Drive's File has it); kept for symmetry with the Drive file. */
  addCommenter(who: string | GUser): GDocument {
    if (!this.item.editors.has(emailOf(who))) {
      this.item.commenters.add(emailOf(who));
      this.item.viewers.delete(emailOf(who));
    }
    return this.me('addCommenter');
  }
  getEditors(): GUser[] {
    this.hit('getEditors');
    return [...this.item.editors].map((e) => new FakeUser(this.env, e) as unknown as GUser);
  }
  getViewers(): GUser[] {
    this.hit('getViewers');
    return [...new Set([...this.item.viewers, ...this.item.commenters])].map((e) => new FakeUser(this.env, e) as unknown as GUser);
  }
}

/** The body as seen through one Document handle: mutations fail once that handle is closed. */
const bodyView = (body: FakeBody, ctx: DocCtx): FakeBody =>
  new Proxy(body, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        if (typeof prop === 'string' && /^(append|clear|remove|set)/.test(prop)) guard(ctx);
        return (v as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });

type AppMethods = 'create' | 'openById' | 'openByUrl';

export class FakeDocumentApp implements Pick<GoogleAppsScript.Document.DocumentApp, AppMethods> {
  readonly ParagraphHeading = ParagraphHeading;
  readonly GlyphType = GlyphType;
  readonly Attribute = Attribute;
  readonly HorizontalAlignment = HorizontalAlignment;
  readonly ElementType = ElementType;
  readonly documents = new Map<string, DocumentContent>();

  constructor(
    private readonly env: OfflineEnv,
    private readonly drive: DriveStore,
  ) {}

  create(name: string): GDocument {
    this.env.calls.hit('DocumentApp.create');
    let docName = String(name);
    const item = this.drive.add(
      MimeType.GOOGLE_DOCS,
      {
        get: () => docName,
        set: (v) => {
          docName = v;
        },
      },
      this.drive.rootId,
      '',
      (id) => `https://docs.google.com/document/d/${id}/edit`,
    );
    const content = new DocumentContent(item);
    this.documents.set(item.id, content);
    return new FakeDocument(this.env, content) as unknown as GDocument;
  }
  openById(id: string): GDocument {
    this.env.calls.hit('DocumentApp.openById');
    const content = this.documents.get(String(id));
    if (!content) throw new Error("Document is missing (perhaps it was deleted, or you don't have read access?)");
    return new FakeDocument(this.env, content) as unknown as GDocument;
  }
  openByUrl(url: string): GDocument {
    this.env.calls.hit('DocumentApp.openByUrl');
    const id = /\/d\/([A-Za-z0-9_-]+)/.exec(String(url))?.[1] ?? '';
    const content = this.documents.get(id);
    if (!content) throw new Error("Document is missing (perhaps it was deleted, or you don't have read access?)");
    return new FakeDocument(this.env, content) as unknown as GDocument;
  }
  /** Test access: a document's body by id. */
  bodyOf(id: string): FakeBody {
    const content = this.documents.get(id);
    if (!content?.body) throw new Error(`No document with id ${id}.`);
    return content.body;
  }
}
