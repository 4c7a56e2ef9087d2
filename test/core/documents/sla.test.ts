import { buildSlaDocument } from '../../../src/core/documents/sla';
import { durationInTerms } from '../../../src/core/documents/slaHours';
import { SLA_POINTS, TARGET_HEADER } from '../../../src/core/documents/services';
import { TO_BE_AGREED, type Block } from '../../../src/core/documents/model';
import { longDate } from '../../../src/core/text';
import { resolveHours } from '../../../src/core/workbook/hoursOf';
import { allText, exampleWorkbook, NOW, tableAfter, TZ } from './fixture';

const school = 'Hillside School';
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LIST = '9. Still to be agreed';

/**
 * Every "To be agreed" a reader meets before the list at the end, as the service it belongs to and what
 * the list must call it, read from where it stands. An occurrence in a place not known here fails.
 */
function toBeAgreedPlaces(blocks: readonly Block[]): Array<[string, RegExp]> {
  const places: Array<[string, RegExp]> = [];
  let service = 'Whole agreement';
  for (const b of blocks) {
    if (b.kind === 'heading') {
      if (b.text === LIST) break;
      service = b.level === 2 ? b.text.replace(/^4\.\d+ /, '') : 'Whole agreement';
    }
    if ((b.kind === 'paragraph' || b.kind === 'callout') && /to be agreed/i.test(b.text)) {
      const what = /^Nothing is agreed for/.test(b.text) ? /^Everything: / : /next review is to be agreed/.test(b.text) ? /next review/ : undefined;
      if (!what) throw new Error(`"To be agreed" in a paragraph the test does not know: ${b.text}`);
      places.push([service, what]);
    }
    if (b.kind !== 'table') continue;
    b.rows.forEach((r) => {
      r.forEach((cell, k) => {
        if (!cell.startsWith(TO_BE_AGREED)) return;
        const first = b.header[0];
        if (first === 'Point') places.push([service, new RegExp(`^${escapeRe(r[0])}$`)]);
        else if (b.header.join() === TARGET_HEADER.join()) {
          const line = `${r[0]} targets${r[1] === 'Any' ? '' : ` (${r[1]})`}`;
          const whole = r[2] === TO_BE_AGREED;
          // The standard table (section 3) stands for every service on it: any of them lists the gap.
          places.push([
            service === 'Whole agreement' ? '' : service,
            new RegExp(`^${escapeRe(line)}${whole ? '$' : `: .*${k === 3 ? 'respond' : 'resolve'} time`}`),
          ]);
        } else if (first === 'Rank') places.push([r[1], new RegExp(`^${b.header[k]}$|^Everything: `)]);
        else if (first === 'Document') places.push([service, new RegExp(escapeRe(r[0]), 'i')]);
        else if (first === 'Name') places.push([service, new RegExp(`^${escapeRe(r[1])}`)]);
        else throw new Error(`"To be agreed" in a table the test does not know: ${b.header.join(', ')}`);
      });
    });
  }
  return places;
}

const headings = (blocks: readonly Block[], level: number) =>
  blocks.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading' && b.level === level).map((b) => b.text);
const targetsOf = (blocks: readonly Block[], h: string) => {
  const i = blocks.findIndex((b) => b.kind === 'heading' && b.text === h);
  const end = blocks.findIndex((b, k) => k > i && b.kind === 'heading');
  return blocks.slice(i, end).filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table' && b.header.join() === TARGET_HEADER.join())[0];
};
const pointsOf = (blocks: readonly Block[], h: string) => tableAfter(blocks, h).rows;

describe('buildSlaDocument on the example school', () => {
  const wb = exampleWorkbook();
  const doc = buildSlaDocument(wb, { now: NOW, school });

  test('services in use appear in order of business priority; unsupported ones are left out', () => {
    expect(headings(doc.blocks, 2)).toEqual([
      '4.1 Internet access',
      '4.2 Management information system',
      '4.3 Email',
      '4.4 Shared data storage',
      '4.5 Printing',
      '4.6 Word processing',
      '4.7 Interactive whiteboards',
      '4.8 Colour printing',
    ]);
    expect(doc.serviceIds).not.toContain('LANGEXAM');
    expect(tableAfter(doc.blocks, '2. Services in order of business priority').rows.map((r) => r[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
  });

  test("1. calls are taken by priority first, then by the service's rank", () => {
    const text = allText(doc.blocks);
    expect(text).not.toContain('the service higher in this list is dealt with first');
    expect(text).toContain(
      'Calls are dealt with by priority first: a Critical call comes before a High one, whatever the service. ' +
        'Between calls of the same priority, the service higher in this list comes first.',
    );
  });

  test('2. agreed stays agreed: contract cover is never a point to be agreed, and no contract appears; an agreed exception is printed as agreed', () => {
    const common = tableAfter(doc.blocks, '3. For every service').rows;
    expect(common.find((r) => r[0] === 'Service hours')![1]).toMatch(/^School day: Mon-Fri 08:00-18:00, except the school's closure days/);
    expect(common.find((r) => r[0] === 'Agreed exceptions')![1]).toMatch(
      /^For Email, Shared data storage, Printing and Word processing: Faults that need the outside supplier are worked on between 09:00 and 17:00/,
    );
    // An exception of one service alone is printed in its own section.
    const one = buildSlaDocument({ ...wb, sla: wb.sla.map((r) => (r.serviceId === 'EMAIL' ? r : { ...r, exceptions: undefined })) }, { now: NOW, school });
    expect(pointsOf(one.blocks, '4.3 Email').find((r) => r[0] === 'Agreed exceptions')![1]).toMatch(/^Faults that need the outside supplier/);
    expect(tableAfter(doc.blocks, '2. Services in order of business priority').rows.find((r) => r[1] === 'Email')![4]).toMatch(/^Agreed on /);
    const text = allText(doc.blocks);
    expect(text).not.toMatch(/contract behind|Not all of it is supported|a week less/);
    expect(tableAfter(doc.blocks, LIST).rows.filter((r) => /^Service hours/.test(r[1]))).toEqual([]);
    // Without the exception the point still stands as agreed; the exception row is simply absent.
    const none = buildSlaDocument({ ...wb, sla: wb.sla.map((r) => ({ ...r, exceptions: undefined })) }, { now: NOW, school });
    expect(allText(none.blocks)).not.toContain('Agreed exceptions');
    expect(none.toBeAgreed.length).toBe(doc.toBeAgreed.length);
  });

  test('3. the cover carries the next review still to come, never "overdue"', () => {
    const wp = wb.sla.find((r) => r.serviceId === 'WP')!.nextReview!;
    const others = wb.sla.find((r) => r.serviceId === 'EMAIL')!.nextReview!;
    expect(wp).toBeLessThan(NOW);
    const cover = tableAfter(doc.blocks, 'Hillside School').rows;
    expect(cover.find((r) => r[0] === 'Next review')![1]).toBe(longDate(others, TZ));
    expect(allText(doc.blocks)).not.toMatch(/overdue/i);
    expect(allText(doc.blocks)).toContain(`the next review is on ${longDate(others, TZ)}.`);
    // Every date past: a year from the document's date.
    const past = buildSlaDocument(wb, { now: NOW, school, serviceIds: ['WP'] });
    expect(tableAfter(past.blocks, 'Hillside School').rows.find((r) => r[0] === 'Next review')![1]).toBe(longDate(NOW + 365 * 86_400_000, TZ));
  });

  test('4. a service with nothing agreed has no targets, only what must be agreed', () => {
    expect(targetsOf(doc.blocks, '4.8 Colour printing')).toBeUndefined();
    const text = allText(doc.blocks);
    expect(text).toContain('Nothing is agreed for Colour printing yet, so it has no targets.');
    expect(
      doc.toBeAgreed
        .filter((g) => g.serviceId === 'COLOURPRINT')
        .map((g) => g.point)
        .pop(),
    ).toBe(
      "Everything: availability, support levels, performance, functionality, charges, continuity, security, changes, users' responsibilities, planned maintenance and response and fix targets",
    );
    // A service with an agreement keeps its targets.
    expect(targetsOf(doc.blocks, '4.3 Email').rows).toHaveLength(2);
  });

  test("5. targets in the service's own working days, exact hours in brackets", () => {
    const standard = tableAfter(doc.blocks, /^Standard response and fix targets/).rows;
    expect(standard).toEqual([
      ['Incident', 'Critical', 'Whole service down for many users', '30 min', '4 h', '95% of calls'],
      ['Incident', 'High', 'Service down for a class or a key user', '1 h', '8 h', '85% of calls'],
      ['Incident', 'Medium', 'Fault with a workaround', '4 h', '2 school days (20 h)', '85% of calls'],
      ['Incident', 'Low', 'Minor fault or question', '8 h', '5 school days (50 h)', '80% of calls'],
      ['Request', 'Any', 'Standard request', '8 h', '3 school days (30 h)', '85% of calls'],
    ]);
    // Email's own targets, in the School day calendar's school days.
    expect(targetsOf(doc.blocks, '4.3 Email').rows).toEqual([
      ['Incident', 'Any', 'Email incidents resolved within 4 hours', '1 h', '4 h', '90% of calls'],
      ['Request', 'Any', 'New account set up within 2 days', '4 h', '2 school days (20 h)', '90% of calls'],
    ]);
    // Hours with no closure days count working days.
    const plain = {
      ...wb,
      services: wb.services.map((s) => (s.serviceId === 'EMAIL' ? { ...s, serviceHours: 'Mon-Fri 08:00-18:00', supportHours: 'Mon-Fri 08:00-18:00' } : s)),
    };
    expect(targetsOf(buildSlaDocument(plain, { now: NOW, school }).blocks, '4.3 Email').rows[1][4]).toBe('2 working days (20 h)');
    const hours = (spec: string) => resolveHours(spec, wb) as Exclude<ReturnType<typeof resolveHours>, { error: string }>;
    expect(durationInTerms(12, hours('School day'))).toBe('12 h');
    expect(durationInTerms(15, hours('School day'))).toBe('1.5 school days (15 h)');
    expect(durationInTerms(2, hours('24x7'))).toBe('2 h');
    expect(durationInTerms(0.5, hours('24x7'))).toBe('30 min');
    expect(durationInTerms(17, hours('Mon-Thu 08:00-17:00; Fri 08:00-16:30'))).toBe('17 h');
  });

  test('6. plain words, and text shared by every service said once', () => {
    const text = allText(doc.blocks);
    for (const jargon of ['service hours less downtime', 'Items meeting it', 'Monitoring', 'Compliance target', 'at least 85%'])
      expect(text).not.toContain(jargon);
    expect(pointsOf(doc.blocks, '4.3 Email').find((r) => r[0] === 'Availability')![1]).toBe('Working for at least 99% of the service hours.');
    expect(tableAfter(doc.blocks, '2. Services in order of business priority').rows.find((r) => r[1] === 'Internet access')![4]).toMatch(/^Agreed on /);
    const support = wb.sla[0].supportLevels!;
    expect(text.split(support).length - 1).toBe(1);
    expect(text.split(wb.sla[0].changes!).length - 1).toBe(1);
    expect(tableAfter(doc.blocks, '3. For every service').rows.map((r) => r[0])).toEqual([
      'Service hours',
      'Agreed exceptions',
      'Support levels',
      'Changes',
      "Users' responsibilities",
      'Planned maintenance',
    ]);
    // No point numbers (merged or not), no service codes.
    expect(pointsOf(doc.blocks, '4.1 Internet access').map((r) => r[0])).toEqual([
      'Service description',
      'Availability',
      'Performance',
      'Functionality',
      'Charges',
      'Continuity',
      'Security',
    ]);
    expect(text).not.toMatch(/\((INTERNET|MIS|EMAIL|STORAGE|PRINT|WP|WHITEBOARD|COLOURPRINT)\)|\d+, \d+\./);
    // The standard targets table is printed once; services on it point to it.
    expect(doc.blocks.filter((b) => b.kind === 'table' && b.header.join() === TARGET_HEADER.join())).toHaveLength(2);
    expect(text.split('Response and fix targets: the standard ones (section 3).').length - 1).toBe(6);
  });

  test('7. a new version each time, with what changed since the last one; the head teacher signs', () => {
    expect(doc.version).toBe('0.1');
    expect(tableAfter(doc.blocks, 'Hillside School').rows).toContainEqual(['Version', '0.1']);
    expect(allText(doc.blocks)).toContain('First version.');
    const record = (label: string, contents: string | undefined, created = NOW - 86_400_000) => ({
      row: 2,
      type: 'SLA' as const,
      label,
      created,
      name: `SLA v${label}`,
      link: undefined,
      contents,
      signed: undefined,
    });
    const again = buildSlaDocument({ ...wb, documents: [record('0.1', doc.contents)] }, { now: NOW, school });
    expect(again.version).toBe('0.2');
    expect(again.changes).toEqual([]);
    expect(allText(again.blocks)).toContain(`Changes since version 0.1 of ${longDate(NOW - 86_400_000, TZ)}: none.`);
    const edited = {
      ...wb,
      documents: [record('0.1', doc.contents)],
      sla: wb.sla.map((r) => (r.serviceId === 'PRINT' ? { ...r, performance: 'A page prints within 30 seconds.' } : r)),
    };
    const changed = buildSlaDocument(edited, { now: NOW, school });
    expect(changed.changes).toEqual(['Printing: performance changed.']);
    expect(changed.blocks).toContainEqual({ kind: 'list', ordered: false, items: ['Printing: performance changed.'] });
    // Once every service is agreed, the draft series becomes version 1.0; then 1.1.
    const agreed = buildSlaDocument({ ...wb, documents: [record('0.4', undefined)] }, { now: NOW, school, serviceIds: ['EMAIL', 'PRINT'] });
    expect(agreed.version).toBe('1.0');
    expect(allText(agreed.blocks)).toContain(': not recorded.');
    expect(buildSlaDocument({ ...wb, documents: [record('1.0', undefined)] }, { now: NOW, school }).version).toBe('1.1');
    const sign = tableAfter(doc.blocks, '1. Parties and signatories');
    expect(sign.rows.map((r) => [r[0], r[1]])).toEqual([
      ['Sam Patel', 'Service manager'],
      ['Alex Morgan', 'Head teacher'],
      ['Jo Harris', 'End-user representative'],
      ['Priya Shah', 'End-user representative'],
      ['Tom Lee', 'End-user representative'],
    ]);
  });

  test('every service with an agreement carries its points in order, with the wording from the workbook', () => {
    for (const h of headings(doc.blocks, 2).slice(0, 7)) {
      const rows = pointsOf(doc.blocks, h);
      const own = rows.map((r) => r[0]).filter((p) => p !== 'Agreed exceptions');
      expect([...own, 'Service hours', 'Support levels', 'Changes', "Users' responsibilities", 'Planned maintenance'].sort()).toEqual([...SLA_POINTS].sort());
    }
    const email = pointsOf(doc.blocks, '4.3 Email');
    const point = (name: string) => email.find((r) => r[0].endsWith(name))![1];
    expect(point('Service description')).toBe('Staff and student email, calendars and contacts. Users: All staff; students from Year 7.');
    expect(point('Continuity')).toBe("Hosted service with the supplier's own recovery plan. Recovery time: 8 h.");
    const internet = pointsOf(doc.blocks, '4.1 Internet access');
    expect(internet[1]).toEqual(['Availability', 'Working for at least 99% of the service hours.']);
  });

  test('different support hours are given with the service hours and the targets count in them', () => {
    const varied = { ...wb, services: wb.services.map((s) => (s.serviceId === 'EMAIL' ? { ...s, supportHours: 'Mon-Fri 09:00-17:00' } : s)) };
    const email = buildSlaDocument(varied, { now: NOW, school, serviceIds: ['EMAIL'] });
    expect(pointsOf(email.blocks, '4.1 Email')[1][1]).toMatch(/Support hours: Mon-Fri 09:00-17:00\.$/);
    expect(allText(email.blocks)).toContain('Response and fix targets, counted in the support hours, Mon-Fri 09:00-17:00:');
    expect(targetsOf(email.blocks, '4.1 Email').rows[1][4]).toBe('2.5 working days (20 h)');
  });

  test('missing points read "To be agreed" and are listed at the end, grouped by service in document order', () => {
    expect(pointsOf(doc.blocks, '4.7 Interactive whiteboards').find((r) => r[0] === 'Performance')![1]).toBe(TO_BE_AGREED);
    const open = tableAfter(doc.blocks, LIST).rows;
    expect(open).toContainEqual(['Interactive whiteboards', 'Performance']);
    expect(open.length).toBe(doc.toBeAgreed.length);
    expect(allText(doc.blocks)).toContain(`${open.length} points are not settled yet.`);
    const order = ['Whole agreement', ...headings(doc.blocks, 2).map((h) => h.replace(/^4\.\d+ /, ''))];
    const at = open.map((r) => order.indexOf(r[0]));
    expect(at).not.toContain(-1);
    expect(at).toEqual([...at].sort((x, y) => x - y));
  });

  test('every "To be agreed" in the document is in the list at the end', () => {
    const gappy = {
      ...wb,
      people: [],
      sla: wb.sla.map((r) => ({ ...r, nextReview: undefined })),
      targets: wb.targets.filter((t) => t.type !== 'Request').map((t) => (t.serviceId === 'EMAIL' ? { ...t, resolveHours: undefined } : t)),
    };
    for (const d of [doc, buildSlaDocument(gappy, { now: NOW, school })]) {
      const places = toBeAgreedPlaces(d.blocks);
      const listed = tableAfter(d.blocks, LIST).rows;
      for (const [service, point] of places) {
        expect([service, point, listed.some((r) => r[0].startsWith(service) && point.test(r[1]))]).toEqual([service, point, true]);
      }
      expect(places.length).toBeGreaterThan(12);
    }
    const list = tableAfter(buildSlaDocument(gappy, { now: NOW, school }).blocks, LIST).rows;
    expect(list).toEqual(
      expect.arrayContaining([
        ['Email', 'Incident targets: resolve time'],
        ['Email', 'Request targets'],
        ['Whole agreement', 'Date of the next review'],
        ['Whole agreement', 'Service manager (People tab)'],
      ]),
    );
  });

  test('title block: school, version, draft while a service is in negotiation, date', () => {
    const block = tableAfter(doc.blocks, 'Hillside School').rows;
    expect(block).toEqual(
      expect.arrayContaining([
        ['Status', 'Draft (being agreed)'],
        ['Date', '18 November 2026'],
      ]),
    );
    expect(doc.status).toBe('Draft');
    expect(doc.blocks.some((b) => b.kind === 'callout' && /Interactive whiteboards/.test(b.text))).toBe(true);
    const agreed = buildSlaDocument(wb, { now: NOW, school, serviceIds: ['EMAIL', 'print'] });
    expect(agreed.status).toBe('Agreed');
    expect(agreed.serviceIds).toEqual(['EMAIL', 'PRINT']);
  });

  test('parties: the representatives of the services covered sign; nobody named is to be agreed', () => {
    const mis = buildSlaDocument(wb, { now: NOW, school, serviceIds: ['MIS'] });
    expect(tableAfter(mis.blocks, '1. Parties and signatories').rows.map((r) => r[0])).toEqual(['Sam Patel', 'Alex Morgan', 'Priya Shah']);
    const nobody = buildSlaDocument({ ...wb, people: [] }, { now: NOW, school });
    expect(tableAfter(nobody.blocks, '1. Parties and signatories').rows.map((r) => r[0])).toEqual([TO_BE_AGREED, TO_BE_AGREED]);
    expect(nobody.toBeAgreed.map((g) => g.point)).toEqual(expect.arrayContaining(['Service manager (People tab)', 'End-user representatives (People tab)']));
  });

  test("underpinning contracts and their costs stay out (they are in the service review's internal version)", () => {
    expect(allText(doc.blocks)).not.toMatch(/FastNet ISP|PrintCare|ISP-01|£/);
  });

  test('review arrangements name the five questions; the words used follow', () => {
    const i = doc.blocks.findIndex((b) => b.kind === 'heading' && b.text === '7. Review arrangements');
    const list = doc.blocks.slice(i).find((b) => b.kind === 'list') as Extract<Block, { kind: 'list' }>;
    expect(list.items).toEqual([
      'Services we did not know existed',
      'Trends in how work is prioritised',
      'Clashes in priority or availability',
      'Third-party response or fix issues',
      'Other support issues',
    ]);
    expect(tableAfter(doc.blocks, '8. Words used here').rows.map((r) => r[0])).toEqual(
      expect.arrayContaining(['Service hours', 'School days', 'Met for at least 95% of calls']),
    );
    // A glossary that needs no glossary: no status jargon about breaches.
    expect(
      tableAfter(doc.blocks, '8. Words used here')
        .rows.map((r) => r[1])
        .join(' '),
    ).not.toMatch(/room for one more breach|error budget/);
  });

  test('unknown services are refused in plain words; an empty catalogue too', () => {
    expect(() => buildSlaDocument(wb, { now: NOW, school, serviceIds: ['EMAIL', 'NOPE'] })).toThrow('"NOPE" is not a Service ID on the Services tab.');
    expect(() => buildSlaDocument({ ...wb, services: [] }, { now: NOW, school })).toThrow(/no service to put in the SLA/);
  });

  test('sheet text reaches the document as the text typed (Docs writes it as text, never as markup)', () => {
    const evil = { ...wb, services: wb.services.map((s) => (s.serviceId === 'EMAIL' ? { ...s, name: '<script>alert(1)</script> & "mail"' } : s)) };
    const model = buildSlaDocument(evil, { now: NOW, school: "St <Mary>'s" });
    expect(allText(model.blocks)).toContain('<script>alert(1)</script> & "mail"');
    expect(allText(model.blocks)).toContain("St <Mary>'s");
  });
});
