import * as os from 'node:os';
import { CLOSED_MESSAGE, createOfflineRuntime, ITERATOR_END_MESSAGE, NOT_FOUND_MESSAGE } from '../../offline';

describe('DocumentApp', () => {
  it('builds a body tests can read as structure and HTML', () => {
    const rt = createOfflineRuntime({ distDir: os.tmpdir() });
    const { DocumentApp } = rt.services;
    const doc = DocumentApp.create('SLA — Email');
    const body = doc.getBody();
    expect(body.getNumChildren()).toBe(1); // a new document holds one empty paragraph
    body.appendParagraph('Email service').setHeading(DocumentApp.ParagraphHeading.HEADING1 as unknown as GoogleAppsScript.Document.ParagraphHeading);
    const p = body.appendParagraph('Available 08:00–18:00 <weekdays>');
    p.editAsText().setBold(0, 8, true).setLinkUrl(10, 14, 'https://example.org/hours');
    body.appendListItem('Incidents resolved within 4 h').setGlyphType(DocumentApp.GlyphType.NUMBER as unknown as GoogleAppsScript.Document.GlyphType);
    const table = body.appendTable([
      ['Target', 'Hours'],
      ['Respond', '1'],
      ['Resolve', '4'],
    ]);
    table.getRow(0).editAsText().setBold(true);
    table.getCell(0, 1).setBackgroundColor('#dddddd');
    body.appendHorizontalRule();
    body.appendPageBreak();
    expect(rt.calls.count('Body.appendTable')).toBe(1);
    expect(table.getNumRows()).toBe(3);
    expect(table.getCell(2, 1).getText()).toBe('4');
    expect(() => table.getCell(3, 0)).toThrow(/must be less than the number of child elements/);
    const fake = DocumentApp.bodyOf(doc.getId());
    expect(fake.structure()).toEqual([
      { type: 'paragraph', heading: 'NORMAL', text: '' },
      { type: 'paragraph', heading: 'HEADING1', text: 'Email service' },
      { type: 'paragraph', heading: 'NORMAL', text: 'Available 08:00–18:00 <weekdays>' },
      { type: 'listItem', glyph: 'NUMBER', nesting: 0, text: 'Incidents resolved within 4 h' },
      {
        type: 'table',
        rows: [
          ['Target', 'Hours'],
          ['Respond', '1'],
          ['Resolve', '4'],
        ],
      },
      { type: 'horizontalRule' },
      { type: 'pageBreak' },
    ]);
    const html = fake.renderHtml();
    expect(html).toContain('<h1>Email service</h1>');
    expect(html).toContain('<b>Available</b>');
    expect(html).toContain('<a href="https://example.org/hours">08:00</a>');
    expect(html).toContain('&lt;weekdays&gt;');
    expect(html).toContain('<ol><li>Incidents resolved within 4 h</li></ol>');
    expect(html).toContain('<td><b>Target</b></td><td style="background-color:#dddddd"><b>Hours</b></td>');
    // A whole page: UTF-8 declared (the text holds –), a stylesheet that borders tables, the cell colour kept.
    const page = fake.renderPage('SLA v1.0 – <Oak>');
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8">/);
    expect(page).toContain('<title>SLA v1.0 – &lt;Oak&gt;</title>');
    expect(page).toMatch(/<style>[^<]*td\{border:1px solid/);
    expect(page).toContain(html);
    expect(page).toMatch(/<\/body><\/html>$/);
    body.clear();
    expect(body.getNumChildren()).toBe(1);
  });

  it('refuses edits after saveAndClose, and openById gives the same content', () => {
    const rt = createOfflineRuntime({ distDir: os.tmpdir() });
    const doc = rt.services.DocumentApp.create('Review');
    const body = doc.getBody();
    body.appendParagraph('Findings');
    doc.saveAndClose();
    expect(() => body.appendParagraph('late')).toThrow(CLOSED_MESSAGE);
    const again = rt.services.DocumentApp.openById(doc.getId());
    expect(again.getBody().getText()).toBe('\nFindings');
    expect(() => rt.services.DocumentApp.openById('nope')).toThrow();
  });
});

describe('DriveApp', () => {
  it('sees created documents as files in My Drive, moves and shares them', () => {
    const rt = createOfflineRuntime({ distDir: os.tmpdir() });
    const { DocumentApp, DriveApp } = rt.services;
    const doc = DocumentApp.create('SLA');
    const file = DriveApp.getFileById(doc.getId());
    expect(file.getName()).toBe('SLA');
    expect(file.getMimeType()).toBe('application/vnd.google-apps.document');
    expect(file.getUrl()).toBe(doc.getUrl());
    const parents = file.getParents();
    expect(parents.next().getId()).toBe(DriveApp.getRootFolder().getId());
    expect(parents.hasNext()).toBe(false);
    expect(() => parents.next()).toThrow(ITERATOR_END_MESSAGE);
    const folder = DriveApp.getRootFolder().createFolder('SLM documents');
    file.moveTo(folder);
    expect(DriveApp.getFolderById(folder.getId()).getFilesByName('SLA').next().getId()).toBe(doc.getId());
    expect(DriveApp.getRootFolder().getFilesByName('SLA').hasNext()).toBe(false);
    doc.addEditor('rep@school.example');
    file.addCommenter('head@school.example');
    doc.addViewer('parent@school.example');
    expect(file.getEditors().map((u) => u.getEmail())).toEqual(['service.manager@school.example', 'rep@school.example']);
    expect(
      file
        .getViewers()
        .map((u) => u.getEmail())
        .sort(),
    ).toEqual(['head@school.example', 'parent@school.example']);
    doc.setName('SLA v2');
    expect(file.getName()).toBe('SLA v2');
    file.setTrashed(true);
    expect(file.isTrashed()).toBe(true);
    // A trashed file is still listed (a Drive search without `trashed = false`), and says it is trashed.
    expect(folder.getFiles().next().isTrashed()).toBe(true);
    expect(DriveApp.searchFiles(`'${folder.getId()}' in parents and trashed = false`).hasNext()).toBe(false);
    expect(() => DriveApp.getFileById('missing')).toThrow(NOT_FOUND_MESSAGE);
    expect(() => DriveApp.getFolderById(doc.getId())).toThrow(NOT_FOUND_MESSAGE);
    const f = folder.createFile('notes.txt', 'hello');
    expect(f.getBlob().getDataAsString()).toBe('hello');
  });
});
