/**
 * The document model: what a generated document says, as plain data. Builders make it from the
 * workbook; one renderer turns it into a Google Doc, another into HTML. Nothing here knows either.
 */
import type { ChartTable } from '../monitor/trendChart';

/** A block of a document, in reading order. */
export type Block =
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'subtitle'; readonly text: string }
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string; readonly style?: 'strong' | 'quiet' }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly string[] }
  | {
      readonly kind: 'table';
      readonly header: readonly string[];
      readonly rows: readonly (readonly string[])[];
      /** Columns holding Met / At risk / Breached, so renderers can colour them. */
      readonly statusColumns?: readonly number[];
    }
  | { readonly kind: 'callout'; readonly tone: 'note' | 'warning'; readonly text: string }
  | {
      /** A line chart of a trend table (month, a share per series, blank for a gap), with what it shows in words. */
      readonly kind: 'chart';
      readonly title: string;
      readonly table: ChartTable;
      readonly description: string;
    }
  | { readonly kind: 'pageBreak' };

/** Block builders: shorter to write and to ship than the literals. */
export const heading = (level: 1 | 2 | 3, text: string): Block => ({ kind: 'heading', level, text });
export const paragraph = (text: string, style?: 'strong' | 'quiet'): Block => ({ kind: 'paragraph', text, style });
export const table = (header: readonly string[], rows: readonly (readonly string[])[], statusColumns?: readonly number[]): Block => ({
  kind: 'table',
  header,
  rows,
  statusColumns,
});

export type DocumentType = 'SLA' | 'Service review';

export interface DocModel<T extends string = DocumentType> {
  /** What the document is (a school's are recorded on its Documents tab under this type). */
  readonly type: T;
  /** The SLA version ("1.2") or the period reviewed ("Autumn term 2026"). */
  readonly label: string;
  readonly title: string;
  readonly blocks: readonly Block[];
  /** What the Documents tab keeps of the document's contents (an SLA's fingerprint), if anything. */
  readonly contents?: string;
}

/** Shown wherever the workbook does not say: missing points are never dropped silently. */
export const TO_BE_AGREED = 'To be agreed';
