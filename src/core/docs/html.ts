/** The document model as one self-contained HTML page: what a person opens offline, and tests read. */
import { escapeHtml } from '../html';
import type { Block, DocModel } from './model';

// One literal, folded at build time: the bundle's top level does no work.
const STYLE =
  'body{font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.45;color:#202124;max-width:60em;margin:2em auto;padding:0 1em}' +
  'h1.title{font-size:26px;margin-bottom:0}p.subtitle{font-size:17px;color:#5f6368;margin-top:.2em}' +
  'h2{font-size:20px;margin-top:1.6em;border-bottom:1px solid #dadce0}h3{font-size:16px;margin-top:1.3em}h4{font-size:14px}' +
  'table{border-collapse:collapse;margin:.6em 0 1em;width:100%}th,td{border:1px solid #dadce0;padding:4px 6px;text-align:left;vertical-align:top}' +
  'th{background:#f1f3f4}p.quiet{color:#5f6368}p.strong{font-weight:bold;margin-bottom:.2em}' +
  'td.rag-met{background:#e6f4ea}td.rag-at-risk{background:#fef7e0}td.rag-breached{background:#fce8e6}' +
  '.callout{border-left:4px solid #1a73e8;background:#e8f0fe;padding:.6em 1em;margin:1em 0}.callout.warning{border-color:#f9ab00;background:#fef7e0}' +
  '.page-break{page-break-after:always;height:0}';

const RAG_CLASS: Record<string, string> = { Met: 'rag-met', 'At risk': 'rag-at-risk', Breached: 'rag-breached' };

function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'title': return `<h1 class="title">${escapeHtml(b.text)}</h1>`;
    case 'subtitle': return `<p class="subtitle">${escapeHtml(b.text)}</p>`;
    case 'heading': return `<h${b.level + 1}>${escapeHtml(b.text)}</h${b.level + 1}>`;
    case 'paragraph': return `<p${b.style ? ` class="${b.style}"` : ''}>${escapeHtml(b.text)}</p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</${tag}>`;
    }
    case 'table': {
      const status = new Set(b.statusColumns ?? []);
      const head = `<thead><tr>${b.header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
      const rows = b.rows.map((r) => `<tr>${r.map((c, i) => {
        const cls = status.has(i) ? RAG_CLASS[c] : undefined;
        return `<td${cls ? ` class="${cls}"` : ''}>${escapeHtml(c)}</td>`;
      }).join('')}</tr>`);
      return `<table>${head}<tbody>${rows.join('')}</tbody></table>`;
    }
    case 'callout': return `<div class="callout ${b.tone}" role="note">${escapeHtml(b.text)}</div>`;
    case 'pageBreak': return '<div class="page-break"></div>';
  }
}

/** A whole HTML page for the model; every piece of sheet text is escaped. */
export function renderHtml(model: DocModel): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB"><head><meta charset="utf-8">',
    `<title>${escapeHtml(model.title)}</title>`,
    `<style>${STYLE}</style></head><body>`,
    ...model.blocks.map(blockHtml),
    '</body></html>',
  ].join('\n');
}
