/** The import's saved mapping fits one document property (9 KB) and is saved before any row is written. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { capMapping, PROPERTY_VALUE_LIMIT } from '../../src/core/import/savedMapping';
import { exampleRuntime } from '../support/offline';

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;
const glpi = readFileSync(path.join(__dirname, '..', 'import', 'samples', 'glpi.csv'), 'utf8');
const saved = (rt: ReturnType<typeof exampleRuntime>) => rt.services.PropertiesService.document.getProperty('slm.import');

test('a mapping with thousands of value words is capped to fit one property; the helpdesk, columns and chosen words are kept', () => {
  const rt = exampleRuntime();
  // A school that mapped 3,000 category words by hand (an export with free-text categories).
  const services = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`Category number ${i} with a long free-text name`, 'EMAIL']));
  rt.global.importIncidents(glpi, { services: { 'Hardware > Printing': 'PRINT', ...services }, dateOrder: 'dmy' });
  const json = saved(rt)!;
  expect(Buffer.byteLength(json)).toBeLessThanOrEqual(PROPERTY_VALUE_LIMIT);
  const options = JSON.parse(json);
  expect(options).toMatchObject({ preset: 'glpi', dateOrder: 'dmy' });
  expect(options.services['Hardware > Printing']).toBe('PRINT');
  expect(Object.keys(options.services).length).toBeLessThan(3001);
  // Importing again reads the saved mapping back.
  expect(rt.global.previewImport(glpi, null).source.preset).toBe('glpi');
});

test('capMapping keeps everything when it fits and counts what it leaves out', () => {
  expect(capMapping({ preset: 'glpi', services: { a: 'EMAIL' } })).toEqual({
    json: '{"preset":"glpi","services":{"a":"EMAIL"},"priorities":{},"types":{}}',
    dropped: 0,
  });
  const big = capMapping({ services: Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`word ${i} é`, 'EMAIL'])) }, 1000);
  expect(Buffer.byteLength(big.json)).toBeLessThanOrEqual(1000);
  expect(big.dropped).toBeGreaterThan(400);
  expect(Object.keys(JSON.parse(big.json).services).length + big.dropped).toBe(500);
});

test('the mapping is saved before the rows are written: a write that fails part-way still leaves it for next time', () => {
  const rt = exampleRuntime();
  const incidents = (rt.spreadsheet as unknown as Ss).getSheetByName('Incidents')!;
  // The write fails (as a time-out or a protected range would).
  (incidents as unknown as { insertRowsAfter: () => never }).insertRowsAfter = () => {
    throw new Error('Service Spreadsheets timed out while accessing document');
  };
  (incidents as unknown as { getRange: () => never }).getRange = () => {
    throw new Error('Service Spreadsheets timed out while accessing document');
  };
  rt.services.Sheets.Spreadsheets.Values.batchUpdate = () => {
    throw new Error('API call to sheets.spreadsheets.values.batchUpdate failed with error: Service Spreadsheets timed out while accessing document');
  };
  expect(() => rt.global.importIncidents(glpi, { dateOrder: 'dmy' })).toThrow(/timed out/);
  expect(JSON.parse(saved(rt)!)).toMatchObject({ preset: 'glpi', dateOrder: 'dmy' });
});
