import { buildSlaDocument, renderHtml, TARGET_HEADER, TEN_POINTS, TO_BE_AGREED, type Block } from '../../../src/core/docs';
import { longDate } from '../../../src/core/text';
import { allText, exampleWorkbook, NOW, tableAfter, TZ } from './fixture';

const school = 'Hillside School';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every "To be agreed" a reader meets before the list at the end, as the service it belongs to and what
 * the list must call it, read from where it stands. An occurrence in a place not known here fails.
 */
function toBeAgreedPlaces(blocks: readonly Block[]): Array<[string, RegExp]> {
  const places: Array<[string, RegExp]> = [];
  let service = 'Whole agreement';
  for (const b of blocks) {
    if (b.kind === 'heading') {
      if (b.text === '5. Still to be agreed') break;
      service = b.level === 2 ? b.text.replace(/^2\.\d+ /, '') : 'Whole agreement';
    }
    if ((b.kind === 'paragraph' || b.kind === 'callout') && /to be agreed/i.test(b.text)) {
      const what = /service manager \(to be agreed\)/.test(b.text) ? /^Service manager/ : /dates still to be agreed/.test(b.text) ? /next review/ : undefined;
      if (!what) throw new Error(`"To be agreed" in a paragraph the test does not know: ${b.text}`);
      places.push([service, what]);
    }
    if (b.kind !== 'table') continue;
    b.rows.forEach((r) => r.forEach((cell, k) => {
      if (cell !== TO_BE_AGREED) return;
      const first = b.header[0];
      if (first === 'Point') places.push([service, new RegExp(`^${escape(r[0].replace(/^\d+\. /, ''))}$`)]);
      else if (b.header.join() === TARGET_HEADER.join()) {
        const line = `${r[0]} targets${r[1] === 'Any' ? '' : ` (${r[1]})`}`;
        const whole = r[2] === TO_BE_AGREED;
        places.push([service, new RegExp(`^${escape(line)}${whole ? '$' : `: .*${b.header[k].split(' ')[0].toLowerCase()} time`}`)]);
      } else if (first === 'Rank') places.push([`${r[1]} (`, new RegExp(`^${b.header[k]}$`)]);
      else if (first === 'Document') places.push([service, new RegExp(escape(r[0]), 'i')]);
      else if (first === 'Name') places.push([service, new RegExp(`^${escape(r[1])}`)]);
      else throw new Error(`"To be agreed" in a table the test does not know: ${b.header.join(', ')}`);
    }));
  }
  return places;
}

const headings = (blocks: readonly Block[], level: number) =>
  blocks.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading' && b.level === level).map((b) => b.text);

describe('buildSlaDocument on the example school', () => {
  const wb = exampleWorkbook();
  const doc = buildSlaDocument(wb, { now: NOW, school });

  test('services in use appear in order of business priority; unsupported ones are left out', () => {
    expect(headings(doc.blocks, 2)).toEqual([
      '2.1 Internet access (INTERNET)', '2.2 Management information system (MIS)', '2.3 Email (EMAIL)', '2.4 Shared data storage (STORAGE)',
      '2.5 Printing (PRINT)', '2.6 Word processing (WP)', '2.7 Interactive whiteboards (WHITEBOARD)', '2.8 Colour printing (COLOURPRINT)',
    ]);
    expect(doc.serviceIds).not.toContain('LANGEXAM');
    expect(tableAfter(doc.blocks, '2. Services in order of business priority').rows.map((r) => r[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
  });

  test('every service carries all ten points, in order, with the wording from the workbook', () => {
    for (const h of headings(doc.blocks, 2)) {
      const points = tableAfter(doc.blocks, h);
      expect(points.rows.map((r) => r[0])).toEqual(TEN_POINTS.map((p, i) => `${i + 1}. ${p}`));
    }
    const email = tableAfter(doc.blocks, '2.3 Email (EMAIL)').rows;
    const point = (name: string) => email.find((r) => r[0].endsWith(name))![1];
    expect(point('Service description')).toBe('Staff and student email, calendars and contacts. Users: All staff; students from Year 7.');
    // Email's hours name no calendar and the example's closures belong to the School day calendar.
    expect(point('Service hours')).toBe('Mon-Fri 08:00-18:00.');
    expect(point('Availability')).toMatch(/^99% of the service hours/);
    // Support hours the same as the service hours are not spelt out a second time.
    expect(point('Support levels')).toMatch(/^Log a call with the ICT service desk: ext\. 240.*Support hours: the service hours\.$/);
    expect(point('Continuity')).toBe('Hosted service with the supplier\'s own recovery plan. Recovery time: 8 h.');
    const internet = tableAfter(doc.blocks, '2.1 Internet access (INTERNET)').rows;
    expect(internet[1][1]).toMatch(/^School day: Mon-Fri 08:00-18:00, except the school's closure days/);
  });

  test('each service says its hours once; different support hours are given in point 4 and the targets point to it', () => {
    for (const h of headings(doc.blocks, 2)) {
      const start = doc.blocks.findIndex((b) => b.kind === 'heading' && b.text === h);
      const end = doc.blocks.findIndex((b, i) => i > start && b.kind === 'heading');
      const section = allText(doc.blocks.slice(start, end));
      const hours = tableAfter(doc.blocks, h).rows[1][1].replace(/\.$/, '');
      expect([h, section.split(hours).length - 1]).toEqual([h, 1]);
    }
    const varied = { ...wb, services: wb.services.map((s) => (s.serviceId === 'EMAIL' ? { ...s, supportHours: 'Mon-Fri 09:00-17:00' } : s)) };
    const email = buildSlaDocument(varied, { now: NOW, school, serviceIds: ['EMAIL'] });
    expect(tableAfter(email.blocks, '2.1 Email (EMAIL)').rows[3][1]).toMatch(/Support hours: Mon-Fri 09:00-17:00\.$/);
    expect(allText(email.blocks)).toContain('Response and resolution targets, counted in support hours (point 4):');
  });

  test('each service\'s targets are the ones the engine looks up (most specific row wins)', () => {
    const targets = (h: string) => {
      const i = doc.blocks.findIndex((b) => b.kind === 'heading' && b.text === h);
      return doc.blocks.slice(i).filter((b) => b.kind === 'table')[1] as Extract<Block, { kind: 'table' }>;
    };
    expect(targets('2.3 Email (EMAIL)').rows).toEqual([
      ['Incident', 'Any', 'Email incidents resolved within 4 hours', '1 h', '4 h', 'at least 95%'],
      ['Request', 'Any', 'New account set up within 2 days', '4 h', '20 h', 'at least 95%'],
    ]);
    expect(targets('2.1 Internet access (INTERNET)').rows).toEqual([
      ['Incident', 'Critical', 'Whole service down for many users', '30 min', '4 h', 'at least 95%'],
      ['Incident', 'High', 'Service down for a class or a key user', '1 h', '8 h', 'at least 90%'],
      ['Incident', 'Medium', 'Fault with a workaround', '4 h', '20 h', 'at least 90%'],
      ['Incident', 'Low', 'Minor fault or question', '8 h', '50 h', 'at least 85%'],
      ['Request', 'Any', 'Standard request', '8 h', '30 h', 'at least 90%'],
    ]);
  });

  test('missing points read "To be agreed" and are listed at the end for the negotiation', () => {
    const whiteboard = tableAfter(doc.blocks, '2.7 Interactive whiteboards (WHITEBOARD)').rows;
    expect(whiteboard.find((r) => r[0] === '5. Performance')![1]).toBe(TO_BE_AGREED);
    const colour = tableAfter(doc.blocks, '2.8 Colour printing (COLOURPRINT)').rows;
    expect(colour.filter((r) => r[1] === TO_BE_AGREED).map((r) => r[0])).toEqual([
      '3. Availability', '4. Support levels', '5. Performance', '6. Functionality', '7. Charges', '8. Continuity', '9. Security', '10. Changes',
    ]);
    const open = tableAfter(doc.blocks, '5. Still to be agreed').rows;
    expect(open).toContainEqual(['Interactive whiteboards (WHITEBOARD)', 'Performance']);
    expect(open).toContainEqual(['Colour printing (COLOURPRINT)', 'Charges']);
    expect(open.length).toBe(doc.toBeAgreed.length);
    expect(allText(doc.blocks)).toContain(`${open.length} points are not settled yet.`);
    // Grouped: the whole agreement first, then each service in the order of the document.
    const order = ['Whole agreement', ...headings(doc.blocks, 2).map((h) => h.replace(/^2\.\d+ /, ''))];
    const at = open.map((r) => order.indexOf(r[0]));
    expect(at).not.toContain(-1);
    expect(at).toEqual([...at].sort((x, y) => x - y));
  });

  test('every "To be agreed" in the document is in the list at the end', () => {
    // More gaps than the example: no request targets at all, a resolve time missing, nobody on the People tab, no version.
    const gappy = {
      ...wb,
      people: [],
      sla: wb.sla.map((r) => ({ ...r, version: undefined })),
      targets: wb.targets.filter((t) => t.type !== 'Request').map((t) => (t.serviceId === 'EMAIL' ? { ...t, resolveHours: undefined } : t)),
    };
    for (const d of [doc, buildSlaDocument(gappy, { now: NOW, school })]) {
      const places = toBeAgreedPlaces(d.blocks);
      const listed = tableAfter(d.blocks, '5. Still to be agreed').rows;
      for (const [service, point] of places) {
        expect([service, point, listed.some((r) => r[0].startsWith(service) && point.test(r[1]))]).toEqual([service, point, true]);
      }
      expect(places.length).toBeGreaterThan(20);
    }
    // The variant reaches every kind of gap: part of a target, a whole target, the people and the version.
    const list = tableAfter(buildSlaDocument(gappy, { now: NOW, school }).blocks, '5. Still to be agreed').rows;
    expect(list).toEqual(expect.arrayContaining([
      ['Email (EMAIL)', 'Incident targets: resolve time'], ['Email (EMAIL)', 'Request targets'], ['Colour printing (COLOURPRINT)', 'Users'],
      ['Colour printing (COLOURPRINT)', 'Agreement'], ['Whole agreement', 'Version'], ['Whole agreement', 'Service manager (People tab)'],
    ]));
  });

  test('title block: school, version, draft while a service is in negotiation, date, next review', () => {
    const block = tableAfter(doc.blocks, 'Hillside School').rows;
    expect(block).toEqual(expect.arrayContaining([
      ['School', school], ['Version', '1.0'], ['Status', 'Draft (under negotiation)'], ['Date', '18 November 2026'],
    ]));
    expect(doc.status).toBe('Draft');
    expect(doc.blocks.some((b) => b.kind === 'callout' && /Interactive whiteboards/.test(b.text))).toBe(true);
    const agreed = buildSlaDocument(wb, { now: NOW, school, serviceIds: ['EMAIL', 'print'] });
    expect(agreed.status).toBe('Agreed');
    expect(agreed.serviceIds).toEqual(['EMAIL', 'PRINT']);
  });

  test('parties: the service manager and the representatives of the services covered sign', () => {
    const sign = tableAfter(doc.blocks, '1. Parties and signatories');
    expect(sign.header).toEqual(['Name', 'Role', 'Area', 'Signature', 'Date']);
    expect(sign.rows.map((r) => [r[0], r[1]])).toEqual([
      ['Sam Patel', 'Service manager'], ['Jo Harris', 'End-user representative'], ['Priya Shah', 'End-user representative'], ['Tom Lee', 'End-user representative'],
    ]);
    const mis = buildSlaDocument(wb, { now: NOW, school, serviceIds: ['MIS'] });
    expect(tableAfter(mis.blocks, '1. Parties and signatories').rows.map((r) => r[0])).toEqual(['Sam Patel', 'Priya Shah']);
    const nobody = buildSlaDocument({ ...wb, people: [] }, { now: NOW, school });
    expect(tableAfter(nobody.blocks, '1. Parties and signatories').rows.map((r) => r[0])).toEqual([TO_BE_AGREED, TO_BE_AGREED]);
    expect(nobody.toBeAgreed.map((g) => g.point)).toEqual(expect.arrayContaining(['Service manager (People tab)', 'End-user representatives (People tab)']));
  });

  test('underpinning contracts stay out unless the internal annex is asked for', () => {
    expect(allText(doc.blocks)).not.toMatch(/FastNet ISP|PrintCare|ISP-01/);
    const internal = buildSlaDocument(wb, { now: NOW, school, internalAnnex: true });
    const annex = tableAfter(internal.blocks, 'Annex (internal): underpinning contracts and OLAs');
    expect(annex.rows.map((r) => r[0])).toEqual(['ISP-01', 'LA-01', 'PRN-01', 'CLR-01', 'WB-01', 'NET-01', 'SW-01']);
    expect(annex.rows.find((r) => r[0] === 'WB-01')![4]).toBe('Unknown');
    // Renewal dates read like every other date in the document.
    const renewal = annex.rows.find((r) => r[0] === 'ISP-01')![8];
    expect(renewal).toBe(longDate(wb.contracts.find((c) => c.contractRef === 'ISP-01')!.renewal!, TZ));
    expect(renewal).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
  });

  test('review arrangements name the five questions; a glossary follows', () => {
    const i = doc.blocks.findIndex((b) => b.kind === 'heading' && b.text === '3. Review arrangements');
    const list = doc.blocks.slice(i).find((b) => b.kind === 'list') as Extract<Block, { kind: 'list' }>;
    expect(list.items).toEqual(['Services we did not know existed', 'Trends in how work is prioritised', 'Clashes in priority or availability',
      'Third-party response or fix issues', 'Other support issues']);
    expect(tableAfter(doc.blocks, '4. Glossary').rows.map((r) => r[0])).toContain('Availability');
  });

  test('unknown services are refused in plain words; an empty catalogue too', () => {
    expect(() => buildSlaDocument(wb, { now: NOW, school, serviceIds: ['EMAIL', 'NOPE'] })).toThrow('"NOPE" is not a Service ID on the Services tab.');
    expect(() => buildSlaDocument({ ...wb, services: [] }, { now: NOW, school })).toThrow(/no service to put in the SLA/);
  });

  test('the HTML page escapes sheet text and carries every block', () => {
    const evil = { ...wb, services: wb.services.map((s) => (s.serviceId === 'EMAIL' ? { ...s, name: '<script>alert(1)</script> & "mail"' } : s)) };
    const html = renderHtml(buildSlaDocument(evil, { now: NOW, school: 'St <Mary>\'s' }));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;mail&quot;');
    expect(html).toContain('St &lt;Mary&gt;&#39;s');
    expect(html.match(/<table>/g)!.length).toBe(doc.blocks.filter((b) => b.kind === 'table').length);
    expect(html).toMatch(/^<!DOCTYPE html>/);
  });
});
