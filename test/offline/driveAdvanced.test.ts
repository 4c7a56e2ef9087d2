/** The Drive advanced service's permissions, with the REST API's request and response shapes. */
import { createOfflineRuntime, permissionIdOf } from '../../offline';

const setup = () => {
  const rt = createOfflineRuntime();
  const file = rt.services.DriveApp.createFile('notes.txt', 'x');
  return { rt, perms: rt.services.Drive.Permissions, id: file.getId() };
};

describe('Drive.Permissions (Drive API v3)', () => {
  it('create: returns only the fields asked for; Drive emails the person unless sendNotificationEmail is false', () => {
    const { perms, id } = setup();
    expect(perms.create({ type: 'user', role: 'commenter', emailAddress: 'Jo@School.example' }, id, { fields: 'id' })).toEqual({
      id: permissionIdOf('jo@school.example'),
    });
    expect(perms.notifications).toEqual([{ to: 'jo@school.example', fileId: id, role: 'commenter', message: undefined }]);
    perms.create({ type: 'user', role: 'reader', emailAddress: 'amy@school.example' }, id, { sendNotificationEmail: false });
    expect(perms.notifications).toHaveLength(1);
    expect(() => perms.create({ type: 'user', role: 'boss' as never, emailAddress: 'x@y.example' }, id)).toThrow(
      'API call to drive.permissions.create failed with error: Invalid permission role: boss.',
    );
    expect(() => perms.create({ type: 'user', role: 'reader', emailAddress: 'x@y.example' }, 'nope')).toThrow('File not found: nope.');
  });

  it('list: without fields only kind, id, type and role; pages with nextPageToken when asked for it', () => {
    const { perms, id } = setup();
    for (let i = 0; i < 12; i++) perms.create({ type: 'user', role: 'reader', emailAddress: `p${i}@school.example` }, id, { sendNotificationEmail: false });
    const bare = perms.list(id);
    expect(Object.keys(bare.permissions[0]).sort()).toEqual(['id', 'kind', 'role', 'type']);
    expect(bare.permissions[0].role).toBe('owner');
    const first = perms.list(id, { fields: 'nextPageToken,permissions(id,role,emailAddress)', pageSize: 5 });
    expect(first.permissions).toHaveLength(5);
    expect(Object.keys(first.permissions[0]).sort()).toEqual(['emailAddress', 'id', 'role']);
    let all = first.permissions.length;
    let token = first.nextPageToken;
    while (token) {
      const page = perms.list(id, { fields: 'nextPageToken,permissions(id)', pageSize: 5, pageToken: token });
      all += page.permissions.length;
      token = page.nextPageToken;
    }
    expect(all).toBe(13);
    expect(() => perms.list(id, { pageSize: 101 })).toThrow('Invalid value for: pageSize');
  });

  it("remove: takes the person's access away; the owner cannot be removed; an unknown id is an error", () => {
    const { rt, perms, id } = setup();
    perms.create({ type: 'user', role: 'writer', emailAddress: 'ed@school.example' }, id, { sendNotificationEmail: false });
    perms.remove(id, permissionIdOf('ed@school.example'));
    expect(rt.services.DriveApp.store.get(id).editors.has('ed@school.example')).toBe(false);
    expect(() => perms.remove(id, permissionIdOf('service.manager@school.example'))).toThrow('drive.permissions.delete failed');
    expect(() => perms.remove(id, '123')).toThrow('Permission not found: 123.');
  });
});
