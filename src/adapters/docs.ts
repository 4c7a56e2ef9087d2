/**
 * Renders a document model into a Google Doc. Calls are bounded by blocks, never by cells or the log's
 * size: a whole table is one appendTable call plus a bold header row; a list is one call per item (Docs
 * has no call that appends many). Status cells are not coloured: Docs can only colour one cell per
 * call, and the words Met, At risk and Breached say it already. A chart is a PNG the Charts service draws
 * (Docs takes PNG, JPEG or GIF images), with its description as alt text and as a caption.
 */
import type { Block, DocModel } from '../core/documents/model';
import { chartPng } from './charts';

type Body = GoogleAppsScript.Document.Body;

const CALLOUT_COLOUR: Record<'note' | 'warning', string> = { note: '#e8f0fe', warning: '#fef7e0' };

/** Docs refuses a table row with no cells, and a cell of "" would collapse a one-column table's rows. */
const grid = (header: readonly string[], rows: readonly (readonly string[])[]): string[][] =>
  [header, ...rows].map((r) => (r.length ? r.map((c) => String(c)) : ['']));

function headingOf(level: 1 | 2 | 3): GoogleAppsScript.Document.ParagraphHeading {
  const H = DocumentApp.ParagraphHeading;
  return level === 1 ? H.HEADING1 : level === 2 ? H.HEADING2 : H.HEADING3;
}

function renderBlock(body: Body, b: Block): void {
  switch (b.kind) {
    case 'title':
      body.appendParagraph(b.text).setHeading(DocumentApp.ParagraphHeading.TITLE);
      return;
    case 'subtitle':
      body.appendParagraph(b.text).setHeading(DocumentApp.ParagraphHeading.SUBTITLE);
      return;
    case 'heading':
      body.appendParagraph(b.text).setHeading(headingOf(b.level));
      return;
    case 'paragraph': {
      const p = body.appendParagraph(b.text);
      if (b.style === 'strong' && b.text) p.editAsText().setBold(true);
      if (b.style === 'quiet' && b.text) p.editAsText().setItalic(true);
      return;
    }
    case 'list':
      for (const item of b.items) {
        const li = body.appendListItem(item);
        if (b.ordered) li.setGlyphType(DocumentApp.GlyphType.NUMBER);
      }
      return;
    case 'table': {
      body.appendTable(grid(b.header, b.rows)).getRow(0).editAsText().setBold(true);
      return;
    }
    case 'callout': {
      const table = body.appendTable([[b.text]]);
      table.getCell(0, 0).setBackgroundColor(CALLOUT_COLOUR[b.tone]);
      return;
    }
    case 'chart': {
      // The picture, its words for screen readers, and the same words under it for everyone.
      body.appendImage(chartPng(b.title, b.table)).setAltTitle(b.title).setAltDescription(b.description);
      if (b.description) body.appendParagraph(b.description).editAsText().setItalic(true);
      return;
    }
    case 'pageBreak':
      body.appendPageBreak();
      return;
  }
}

/**
 * Writes the model into a new document's body. The empty paragraph every new document starts with is
 * removed at the end (Docs keeps at least one paragraph, and the title is one).
 */
function renderDocument(body: Body, model: DocModel<string>): void {
  const first = body.getChild(0);
  for (const b of model.blocks) renderBlock(body, b);
  if (body.getNumChildren() > 1) body.removeChild(first);
}

/** A new, empty Google Doc in the user's Drive. */
export const createDocument = (name: string): GoogleAppsScript.Document.Document => DocumentApp.create(name);

/** Renders the model into a new document, saves and closes it; returns its link. */
export function writeDocument(doc: GoogleAppsScript.Document.Document, model: DocModel<string>): string {
  renderDocument(doc.getBody(), model);
  const url = doc.getUrl();
  doc.saveAndClose();
  return url;
}
