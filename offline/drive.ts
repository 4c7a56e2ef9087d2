/** DriveApp: files and folders in one store; documents and spreadsheets made offline appear here by id. */
import { driveQuery } from './driveQuery';
import { emailOf, FakeUser, newDriveId, type OfflineEnv } from './env';

type GFile = GoogleAppsScript.Drive.File;
type GFolder = GoogleAppsScript.Drive.Folder;
type GUser = GoogleAppsScript.Base.User;
type DUser = GoogleAppsScript.Drive.User;

export const MimeType = Object.freeze({
  GOOGLE_DOCS: 'application/vnd.google-apps.document',
  GOOGLE_SHEETS: 'application/vnd.google-apps.spreadsheet',
  FOLDER: 'application/vnd.google-apps.folder',
  PLAIN_TEXT: 'text/plain',
  HTML: 'text/html',
  CSV: 'text/csv',
  PDF: 'application/pdf',
});

export const NOT_FOUND_MESSAGE =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';
export const ITERATOR_END_MESSAGE = 'Cannot retrieve the next object: iterator has reached the end.';

/** One item in Drive. A Docs or Sheets item reads and writes its name through its document. */
export interface DriveItem {
  id: string;
  mimeType: string;
  name: { get(): string; set(v: string): void };
  parents: Set<string>;
  trashed: boolean;
  editors: Set<string>;
  viewers: Set<string>;
  commenters: Set<string>;
  content: string;
  created: number;
  url: string;
  /** Who owns it (Drive's owner permission): whoever made it. */
  owner?: string;
}

const plainName = (initial: string) => {
  let n = initial;
  return {
    get: () => n,
    set: (v: string) => {
      n = v;
    },
  };
};

export class DriveStore {
  readonly items = new Map<string, DriveItem>();
  readonly rootId: string;

  constructor(private readonly env: OfflineEnv) {
    this.rootId = this.add(MimeType.FOLDER, plainName('My Drive'), null, '', (id) => `https://drive.google.com/drive/folders/${id}`).id;
  }

  add(mimeType: string, name: DriveItem['name'], parent: string | null, content: string, url: (id: string) => string, id: string = newDriveId()): DriveItem {
    const item: DriveItem = {
      id,
      mimeType,
      name,
      parents: new Set(parent ? [parent] : []),
      trashed: false,
      editors: new Set([this.env.userEmail]),
      viewers: new Set(),
      commenters: new Set(),
      content,
      created: Date.now(),
      url: url(id),
      owner: this.env.userEmail,
    };
    this.items.set(id, item);
    return item;
  }

  /** Registers a spreadsheet made offline as a Sheets file in My Drive. */
  addSpreadsheet(ss: { id: string; name: string }): DriveItem {
    return this.add(
      MimeType.GOOGLE_SHEETS,
      {
        get: () => ss.name,
        set: (v) => {
          ss.name = v;
        },
      },
      this.rootId,
      '',
      (id) => `https://docs.google.com/spreadsheets/d/${id}/edit`,
      ss.id,
    );
  }

  get(id: string): DriveItem {
    const item = this.items.get(String(id));
    if (!item) throw new Error(NOT_FOUND_MESSAGE);
    return item;
  }

  /**
   * A folder's children, trashed ones included: DriveApp's listings are Drive searches, and a Drive search
   * returns trashed items unless it says `trashed = false` (https://developers.google.com/drive/api/guides/search-files).
   */
  childrenOf(folderId: string, folders: boolean): DriveItem[] {
    return [...this.items.values()].filter((i) => i.parents.has(folderId) && (i.mimeType === MimeType.FOLDER) === folders);
  }

  /** Every item of the user's Drive, trashed ones included (see childrenOf). */
  all(folders: boolean): DriveItem[] {
    return [...this.items.values()].filter((i) => i.id !== this.rootId && (i.mimeType === MimeType.FOLDER) === folders);
  }

  file(item: DriveItem): FakeFile {
    return new FakeFile(this.env, this, item);
  }
  folder(item: DriveItem): FakeFolder {
    return new FakeFolder(this.env, this, item);
  }
}

class FakeIterator<T> {
  private i = 0;
  constructor(
    private readonly env: OfflineEnv,
    private readonly kind: string,
    private readonly list: T[],
  ) {}
  hasNext(): boolean {
    this.env.calls.hit(`${this.kind}.hasNext`);
    return this.i < this.list.length;
  }
  next(): T {
    this.env.calls.hit(`${this.kind}.next`);
    if (this.i >= this.list.length) throw new Error(ITERATOR_END_MESSAGE);
    return this.list[this.i++];
  }
  getContinuationToken(): string {
    this.env.calls.hit(`${this.kind}.getContinuationToken`);
    return String(this.i);
  }
}

const users = (env: OfflineEnv, set: Set<string>): DUser[] => [...set].map((e) => new FakeUser(env, e) as unknown as DUser);

type SharedMethods =
  | 'addEditor'
  | 'addEditors'
  | 'addViewer'
  | 'addViewers'
  | 'getEditors'
  | 'getViewers'
  | 'removeEditor'
  | 'removeViewer'
  | 'getId'
  | 'getName'
  | 'setName'
  | 'getUrl'
  | 'getParents'
  | 'isTrashed'
  | 'setTrashed'
  | 'getOwner'
  | 'getDateCreated';

/** What files and folders share: identity, name, parents, trash and sharing. */
abstract class DriveEntry<G> {
  constructor(
    protected readonly env: OfflineEnv,
    protected readonly store: DriveStore,
    readonly item: DriveItem,
    private readonly cls: 'File' | 'Folder',
  ) {}

  protected hit(method: string): void {
    this.env.calls.hit(`${this.cls}.${method}`);
  }
  protected me(method: string): G {
    this.hit(method);
    return this as unknown as G;
  }

  getId(): string {
    this.hit('getId');
    return this.item.id;
  }
  getName(): string {
    this.hit('getName');
    return this.item.name.get();
  }
  setName(name: string): G {
    this.item.name.set(String(name));
    return this.me('setName');
  }
  getUrl(): string {
    this.hit('getUrl');
    return this.item.url;
  }
  getDateCreated(): Date {
    this.hit('getDateCreated');
    return new this.env.realm.Date(this.item.created);
  }
  getOwner(): DUser {
    this.hit('getOwner');
    return new FakeUser(this.env, this.env.userEmail) as unknown as DUser;
  }
  getParents(): GoogleAppsScript.Drive.FolderIterator {
    this.hit('getParents');
    const parents = [...this.item.parents].map((id) => this.store.folder(this.store.get(id)) as unknown as GFolder);
    return new FakeIterator(this.env, 'FolderIterator', parents) as unknown as GoogleAppsScript.Drive.FolderIterator;
  }
  isTrashed(): boolean {
    this.hit('isTrashed');
    return this.item.trashed;
  }
  setTrashed(trashed: boolean): G {
    this.item.trashed = !!trashed;
    return this.me('setTrashed');
  }
  addEditor(who: string | GUser): G {
    this.item.editors.add(emailOf(who));
    this.item.viewers.delete(emailOf(who));
    this.item.commenters.delete(emailOf(who));
    return this.me('addEditor');
  }
  addEditors(emails: string[]): G {
    for (const e of emails) this.item.editors.add(e);
    return this.me('addEditors');
  }
  removeEditor(who: string | GUser): G {
    this.item.editors.delete(emailOf(who));
    return this.me('removeEditor');
  }
  addViewer(who: string | GUser): G {
    if (!this.item.editors.has(emailOf(who)) && !this.item.commenters.has(emailOf(who))) this.item.viewers.add(emailOf(who));
    return this.me('addViewer');
  }
  addViewers(emails: string[]): G {
    for (const e of emails) this.addViewer(e);
    return this.me('addViewers');
  }
  removeViewer(who: string | GUser): G {
    this.item.viewers.delete(emailOf(who));
    this.item.commenters.delete(emailOf(who));
    return this.me('removeViewer');
  }
  getEditors(): DUser[] {
    this.hit('getEditors');
    return users(this.env, this.item.editors);
  }
  /** Viewers and commenters, as Drive reports them. */
  getViewers(): DUser[] {
    this.hit('getViewers');
    return users(this.env, new Set([...this.item.viewers, ...this.item.commenters]));
  }
}

export class FakeFile
  extends DriveEntry<GFile>
  implements Pick<GFile, SharedMethods | 'moveTo' | 'getMimeType' | 'addCommenter' | 'addCommenters' | 'removeCommenter' | 'getBlob' | 'getSize'>
{
  constructor(env: OfflineEnv, store: DriveStore, item: DriveItem) {
    super(env, store, item, 'File');
  }

  getMimeType(): string {
    this.hit('getMimeType');
    return this.item.mimeType;
  }
  getSize(): number {
    this.hit('getSize');
    return Buffer.byteLength(this.item.content);
  }
  getBlob(): GoogleAppsScript.Base.Blob {
    this.hit('getBlob');
    const name = this.item.name.get();
    const content = this.item.content;
    const type = this.item.mimeType;
    return { getDataAsString: () => content, getName: () => name, getContentType: () => type } as unknown as GoogleAppsScript.Base.Blob;
  }
  moveTo(destination: GFolder): GFile {
    const target = (destination as unknown as FakeFolder).item;
    if (target.mimeType !== MimeType.FOLDER) throw new Error('Invalid argument: destination');
    this.item.parents = new Set([target.id]);
    return this.me('moveTo');
  }
  addCommenter(who: string | GUser): GFile {
    if (!this.item.editors.has(emailOf(who))) {
      this.item.commenters.add(emailOf(who));
      this.item.viewers.delete(emailOf(who));
    }
    return this.me('addCommenter');
  }
  addCommenters(emails: string[]): GFile {
    for (const e of emails) this.addCommenter(e);
    return this.me('addCommenters');
  }
  removeCommenter(who: string | GUser): GFile {
    this.item.commenters.delete(emailOf(who));
    return this.me('removeCommenter');
  }
  /** Not a Drive method: who may comment (Drive folds them into getViewers()). */
  commenters(): string[] {
    return [...this.item.commenters];
  }
}

export class FakeFolder
  extends DriveEntry<GFolder>
  implements Pick<GFolder, SharedMethods | 'createFile' | 'createFolder' | 'getFiles' | 'getFilesByName' | 'getFolders' | 'getFoldersByName'>
{
  constructor(env: OfflineEnv, store: DriveStore, item: DriveItem) {
    super(env, store, item, 'Folder');
  }

  private files(list: DriveItem[]): GoogleAppsScript.Drive.FileIterator {
    return new FakeIterator(
      this.env,
      'FileIterator',
      list.map((i) => this.store.file(i) as unknown as GFile),
    ) as unknown as GoogleAppsScript.Drive.FileIterator;
  }
  private folders(list: DriveItem[]): GoogleAppsScript.Drive.FolderIterator {
    return new FakeIterator(
      this.env,
      'FolderIterator',
      list.map((i) => this.store.folder(i) as unknown as GFolder),
    ) as unknown as GoogleAppsScript.Drive.FolderIterator;
  }
  getFiles(): GoogleAppsScript.Drive.FileIterator {
    this.hit('getFiles');
    return this.files(this.store.childrenOf(this.item.id, false));
  }
  getFilesByName(name: string): GoogleAppsScript.Drive.FileIterator {
    this.hit('getFilesByName');
    return this.files(this.store.childrenOf(this.item.id, false).filter((i) => i.name.get() === name));
  }
  getFolders(): GoogleAppsScript.Drive.FolderIterator {
    this.hit('getFolders');
    return this.folders(this.store.childrenOf(this.item.id, true));
  }
  getFoldersByName(name: string): GoogleAppsScript.Drive.FolderIterator {
    this.hit('getFoldersByName');
    return this.folders(this.store.childrenOf(this.item.id, true).filter((i) => i.name.get() === name));
  }
  createFolder(name: string): GFolder {
    this.hit('createFolder');
    const item = this.store.add(MimeType.FOLDER, plainName(String(name)), this.item.id, '', (id) => `https://drive.google.com/drive/folders/${id}`);
    return this.store.folder(item) as unknown as GFolder;
  }
  /** createFile(name, content[, mimeType]) or createFile(blob). */
  createFile(a: any, content?: string, mimeType?: string): GFile {
    this.hit('createFile');
    const isBlob = typeof a === 'object' && a !== null && typeof a.getDataAsString === 'function';
    const name = isBlob ? String(a.getName() ?? 'Untitled') : String(a);
    const data = isBlob ? String(a.getDataAsString()) : String(content ?? '');
    const type = isBlob ? String(a.getContentType() ?? MimeType.PLAIN_TEXT) : (mimeType ?? MimeType.PLAIN_TEXT);
    const item = this.store.add(type, plainName(name), this.item.id, data, (id) => `https://drive.google.com/file/d/${id}/view?usp=drivesdk`);
    return this.store.file(item) as unknown as GFile;
  }
}

type AppMethods =
  | 'createFile'
  | 'createFolder'
  | 'getFileById'
  | 'getFolderById'
  | 'getRootFolder'
  | 'getFilesByName'
  | 'getFilesByType'
  | 'getFoldersByName'
  | 'getFiles'
  | 'getFolders'
  | 'searchFiles'
  | 'searchFolders';

export class FakeDriveApp implements Pick<GoogleAppsScript.Drive.DriveApp, AppMethods> {
  readonly MimeType = MimeType;
  readonly Access = Object.freeze({
    ANYONE: 'ANYONE',
    ANYONE_WITH_LINK: 'ANYONE_WITH_LINK',
    DOMAIN: 'DOMAIN',
    DOMAIN_WITH_LINK: 'DOMAIN_WITH_LINK',
    PRIVATE: 'PRIVATE',
  });
  readonly Permission = Object.freeze({ VIEW: 'VIEW', EDIT: 'EDIT', COMMENT: 'COMMENT', OWNER: 'OWNER', ORGANIZER: 'ORGANIZER', NONE: 'NONE' });
  readonly store: DriveStore;

  constructor(private readonly env: OfflineEnv) {
    this.store = new DriveStore(env);
  }
  private hit(method: string): void {
    this.env.calls.hit(`DriveApp.${method}`);
  }
  private root(): FakeFolder {
    return this.store.folder(this.store.get(this.store.rootId));
  }

  getFileById(id: string): GFile {
    this.hit('getFileById');
    const item = this.store.get(id);
    if (item.mimeType === MimeType.FOLDER) throw new Error(NOT_FOUND_MESSAGE);
    return this.store.file(item) as unknown as GFile;
  }
  getFolderById(id: string): GFolder {
    this.hit('getFolderById');
    const item = this.store.get(id);
    if (item.mimeType !== MimeType.FOLDER) throw new Error(NOT_FOUND_MESSAGE);
    return this.store.folder(item) as unknown as GFolder;
  }
  getRootFolder(): GFolder {
    this.hit('getRootFolder');
    return this.root() as unknown as GFolder;
  }
  createFolder(name: string): GFolder {
    this.hit('createFolder');
    return this.root().createFolder(name);
  }
  createFile(a: any, content?: string, mimeType?: string): GFile {
    this.hit('createFile');
    return this.root().createFile(a, content as string, mimeType as string);
  }
  private fileList(list: DriveItem[]): GoogleAppsScript.Drive.FileIterator {
    return new FakeIterator(
      this.env,
      'FileIterator',
      list.map((i) => this.store.file(i)),
    ) as unknown as GoogleAppsScript.Drive.FileIterator;
  }
  private folderList(list: DriveItem[]): GoogleAppsScript.Drive.FolderIterator {
    return new FakeIterator(
      this.env,
      'FolderIterator',
      list.map((i) => this.store.folder(i)),
    ) as unknown as GoogleAppsScript.Drive.FolderIterator;
  }
  /** Trashed files included, as in every DriveApp listing (see DriveStore.childrenOf). */
  getFiles(): GoogleAppsScript.Drive.FileIterator {
    this.hit('getFiles');
    return this.fileList(this.store.all(false));
  }
  getFilesByName(name: string): GoogleAppsScript.Drive.FileIterator {
    this.hit('getFilesByName');
    return this.fileList(this.store.all(false).filter((i) => i.name.get() === name));
  }
  getFilesByType(mimeType: string): GoogleAppsScript.Drive.FileIterator {
    this.hit('getFilesByType');
    return this.fileList(this.store.all(false).filter((i) => i.mimeType === mimeType));
  }
  getFolders(): GoogleAppsScript.Drive.FolderIterator {
    this.hit('getFolders');
    return this.folderList(this.store.all(true));
  }
  getFoldersByName(name: string): GoogleAppsScript.Drive.FolderIterator {
    this.hit('getFoldersByName');
    return this.folderList(this.store.all(true).filter((i) => i.name.get() === name));
  }
  /** A Drive search (see driveQuery.ts for the part of the query language modelled). */
  searchFiles(params: string): GoogleAppsScript.Drive.FileIterator {
    this.hit('searchFiles');
    const matches = driveQuery(params);
    return this.fileList(this.store.all(false).filter(matches));
  }
  searchFolders(params: string): GoogleAppsScript.Drive.FolderIterator {
    this.hit('searchFolders');
    const matches = driveQuery(params);
    return this.folderList(this.store.all(true).filter(matches));
  }
}
