import { BAD_QUERY_MESSAGE } from '../../offline/driveQuery';
import { createOfflineRuntime } from '../../offline';

/** Drive lists trashed items unless a search says `trashed = false`. */
describe('DriveApp and the trash', () => {
  const rt = createOfflineRuntime();
  const drive = rt.services.DriveApp;
  const folder = drive.createFolder('Imports');
  const kept = folder.createFile('calls.csv', 'a,b', 'text/csv');
  const binned = folder.createFile('calls.csv', 'old', 'text/csv');
  binned.setTrashed(true);
  const names = (it: GoogleAppsScript.Drive.FileIterator) => {
    const out: string[] = [];
    while (it.hasNext()) {
      const f = it.next();
      out.push(`${f.getName()}${f.isTrashed() ? ' (trashed)' : ''}`);
    }
    return out;
  };

  test('listings include trashed files', () => {
    expect(names(drive.getFilesByName('calls.csv'))).toEqual(['calls.csv', 'calls.csv (trashed)']);
    expect(names(drive.getFilesByType('text/csv'))).toEqual(['calls.csv', 'calls.csv (trashed)']);
    expect(names(folder.getFiles())).toEqual(['calls.csv', 'calls.csv (trashed)']);
    expect(drive.getFileById(binned.getId()).isTrashed()).toBe(true);
  });

  test('a search leaves trashed files out only when it says so', () => {
    expect(names(drive.searchFiles("title = 'calls.csv'"))).toEqual(['calls.csv', 'calls.csv (trashed)']);
    expect(names(drive.searchFiles("title = 'calls.csv' and trashed = false"))).toEqual(['calls.csv']);
    expect(names(drive.searchFiles("mimeType = 'text/csv' and trashed = true"))).toEqual(['calls.csv (trashed)']);
    expect(names(drive.searchFiles(`'${folder.getId()}' in parents and title contains 'CALLS' and trashed = false`))).toEqual(['calls.csv']);
    expect(kept.isTrashed()).toBe(false);
  });

  test('a query outside the modelled language fails loudly', () => {
    expect(() => drive.searchFiles('modifiedDate > "2026-01-01"')).toThrow(BAD_QUERY_MESSAGE);
  });
});
