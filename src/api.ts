/**
 * The server API the sidebar calls through google.script.run: one typed module shared by both sides.
 * Only plain data crosses; dates cross as ISO strings. Each name is a top-level server function.
 */
import type { Rag, TargetAttainment } from './core/attainment/types';
import type { Finding } from './core/findings/types';
import type { Conflict, ImportOptions, ImportPlan, Skip } from './core/import/plan';
import type { Problem } from './core/workbook/problems';

import type { PeriodKind, PeriodRequest } from './core/periods/period';

export type { PeriodKind, PeriodRequest } from './core/periods/period';

export interface PeriodView {
  readonly kind: PeriodKind;
  readonly label: string;
  readonly start: string;
  readonly end: string;
}

/** A record as it crosses to the panel: its blanks (undefined) as null. */
type Plain<T> = { readonly [K in keyof T]: undefined extends T[K] ? Exclude<T[K], undefined> | null : T[K] };

/** One target's figures for the panel; priority is 'Any' where the target applies to every priority. */
export type TargetView = Plain<
  Pick<TargetAttainment, 'type' | 'measure' | 'targetHours' | 'compliance' | 'met' | 'breached' | 'pending' | 'share' | 'status' | 'fewest' | 'noResponseTime'>
> & {
  readonly priority: string;
  /** The target's status in plain words (targetReason): "2 of 3 on time: too few to judge (10 needed)". */
  readonly reason: string;
};

export interface ServiceView {
  readonly serviceId: string;
  readonly name: string;
  readonly rank: number;
  readonly slaStatus: string;
  readonly nextReview: string | null;
  readonly reviewDue: boolean;
  /** The review date has passed (the SLA's stage is "Review overdue"). */
  readonly reviewOverdue: boolean;
  readonly availability: number | null;
  readonly availabilityTarget: number | null;
  readonly availabilityStatus: Rag | null;
  readonly status: Rag | null;
  /** What sets the status, in words; null when nothing was measured. */
  readonly statusDriver: string | null;
  /** Why the service has its status, in a few plain words (statusReason): "5 slow first replies (32 of 37 on time, target 90%)". */
  readonly reason: string;
  readonly met: number;
  readonly breached: number;
  readonly pending: number;
  /** Items resolved with no Responded time: their response was not judged. */
  readonly noResponseTime: number;
  /** Planned maintenance in the period: items, announced hours (not downtime), and the Refs logged after their outage began (downtime). */
  readonly plannedMaintenance: { readonly items: number; readonly announcedHours: number; readonly unannounced: string[] };
  readonly targets: TargetView[];
}

export interface Overview {
  readonly period: PeriodView;
  /** The period as figures should be headed: its label, with "to date" while it is still running. */
  readonly periodWording: string;
  readonly periods: PeriodView[];
  readonly services: ServiceView[];
  readonly problemCount: number;
  /** Incidents rows left out of the figures because a cell could not be read (Check workbook names each). */
  readonly leftOut: number;
  /** The school's assumptions the findings and the digest use, as read from the Settings tab. */
  readonly settings: SettingView[];
  readonly comments: CommentsView;
}

/** The representatives' comments on the Comments tab: how many, and how many are new since the last review. */
export interface CommentsView {
  readonly total: number;
  readonly unresolved: number;
  readonly sinceReview: number;
  /** The day the newest service review was generated, or null before the first. */
  readonly lastReview: string | null;
}

/** One setting as the panel shows it (read-only: it is changed on the Settings tab). */
export interface SettingView {
  readonly name: string;
  readonly value: number;
  readonly meaning: string;
  readonly isDefault: boolean;
}

export interface ShareResult {
  readonly shared: string[];
  readonly skipped: string[];
  /** Others (not on the People tab) whose access was taken away, by email. */
  readonly removed: string[];
}

/** Someone not on the People tab who can open the workbook or a generated document. */
export interface SharingOther {
  readonly email: string;
  /** What they can open and how, e.g. "the workbook (editor); SLA v2 (comment)". */
  readonly access: string;
}

/** One person the sharing panel offers: what they can open now and what the panel suggests. */
export interface SharingPerson {
  readonly name: string;
  readonly email: string | null;
  readonly role: string;
  readonly area: string | null;
  /** The People tab's Student? column: true, false, or null when blank. */
  readonly student: boolean | null;
  /** Why the workbook may not be shared with them (a student, or Student? blank), else null. */
  readonly workbookRefused: string | null;
  /** Suggested: the documents for everyone with an email; the workbook only for staff who have it already. */
  readonly documents: boolean;
  readonly workbook: boolean;
  /** What they can open now, as Drive has it (null without an email). */
  readonly access: string | null;
}

export interface SharingPlan {
  /** The documents shared for comment: the newest SLA and the newest representatives' review. */
  readonly documents: string[];
  readonly people: SharingPerson[];
  /** Everyone else who can open the workbook or a generated document, each offered for removal. */
  readonly others: SharingOther[];
  /** Files whose access the add-in could not read (not given to it under drive.file). */
  readonly unreadable: string[];
}

/** What the Google Picker dialog needs: the user's OAuth token and this deployment's Picker key and app id. */
export interface PickerConfig {
  readonly token: string;
  readonly developerKey: string;
  readonly appId: string;
  /** What to say when the deployment has no key or app id set. */
  readonly missing: string;
}

export interface SharingChoice {
  readonly name: string;
  readonly documents: boolean;
  readonly workbook: boolean;
}

export interface GeneratedDoc {
  readonly name: string;
  readonly url: string;
  readonly id: string;
  /** The service review's internal version (supplier detail and costs), generated beside it and never shared. */
  readonly internal?: { readonly name: string; readonly url: string; readonly id: string };
}

/** The representatives' workbook after Update: where it is and what changed. */
export interface RepresentativesResult {
  readonly url: string;
  readonly name: string;
  readonly created: boolean;
  /** Why a new one was made in place of the last (deleted or no longer shared), or null. */
  readonly replaced: string | null;
  readonly changedRows: number;
  /** Representatives on the People tab with an email who cannot open it yet. */
  readonly notShared: string[];
}

/** Collect comments: rows added and updated on the Comments tab, and the documents read. */
export interface CollectCommentsResult {
  readonly added: number;
  readonly updated: number;
  readonly files: number;
  /** Documents whose comments Drive would not give (deleted, or no longer shared). */
  readonly unreadable: string[];
}

/** The SLA version Record sign-off would sign, and who may sign it. */
export interface SignOffView {
  readonly version: string | null;
  readonly name: string | null;
  /** The sign-off already recorded, or null. */
  readonly signed: string | null;
  readonly signatories: { readonly name: string; readonly role: string }[];
}

export interface SetupReport {
  readonly createdTabs: string[];
  readonly addedColumns: string[];
  /** Existing tabs whose frozen header, header protection or named range had to be put back. */
  readonly repairedTabs: string[];
  /** Tabs found by their headers under another name and given the schema's name back, each as a sentence. */
  readonly renamedTabs: string[];
  /** Tabs that could not be set up without changing the user's cells, left as they are: why, by tab and column. */
  readonly leftAlone: string[];
  /** Settings whose row was missing from the Settings tab and was added with its default. */
  readonly addedSettings: string[];
}

/** Clear example school: how many rows it removed, and what it removes and keeps, in words. */
export interface ClearExampleResult {
  readonly removed: number;
  readonly removes: string;
  /** Rows that name an example service but were typed or changed in the workbook, so they stay ('' when none). */
  readonly keeps: string;
}

/** What to import (pasted text is the call's first argument) and the choices made in the preview. */
export interface ImportRequest extends ImportOptions {
  readonly fileId?: string;
  readonly tab?: string;
  /** For this import only: where a person has changed a cell the file also differs on, take the file's value. */
  readonly takeExport?: boolean;
}

/** The preview of an import: the plan without its cells, the first 200 skips, and whether anything would change. */
export type ImportPreview = Omit<ImportPlan, 'write' | 'memory'> & {
  readonly skippedCount: number;
  readonly notesCount: number;
  readonly conflictsCount: number;
  readonly changes: boolean;
};

export interface ImportResult {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly skipped: Skip[];
  /** Lines imported but not quite as written (an unclosed quote, a cell cut to fit). */
  readonly notes: Skip[];
  /** Cells a person changed that the file differs on: kept, or taken from the file when `takeExport`. */
  readonly conflicts: Conflict[];
  readonly takeExport: boolean;
}

/** The signed-in user's daily digest: on, off, on but its trigger gone ('stale'), or new scopes to grant first. */
export interface DigestState {
  readonly status: 'on' | 'off' | 'stale' | 'needsAuth';
  readonly recipient: string;
  /** Hour of the day (the script's time zone) it is sent in. */
  readonly hour: number;
  readonly lastRun: string | null;
  readonly lastResult: string | null;
  /** Other people who turned it on for themselves; `stopped` when theirs has not run for two days. */
  readonly others: ReadonlyArray<{ readonly email: string; readonly since: string; readonly lastRun: string | null; readonly stopped: boolean }>;
  readonly authUrl?: string;
}

export interface DigestPreview {
  readonly subject: string;
  /** Each line's link (the Incidents row it names), or null. */
  readonly sections: ReadonlyArray<{ readonly title: string; readonly lines: string[]; readonly links: Array<string | null> }>;
}

/** The "Log a call" form: its link to share, the link to edit it, how many services it offers. */
export interface CallForm {
  readonly url: string;
  readonly editUrl: string;
  readonly services: number;
  readonly created: boolean;
  /** Answers on the form's responses tab not yet written to Incidents, and why (null: none, or not known yet). */
  readonly waiting: number;
  readonly waitingReason: string | null;
}

/** After writing the form's waiting answers: how many were written, how many still wait and why. */
export interface CallsWaiting {
  readonly written: number;
  readonly waiting: number;
  readonly reason: string | null;
}

/** Twelve months per service, oldest first; null where there is nothing to judge (a gap, never 0). */
export interface TrendsView {
  readonly months: string[];
  readonly services: ReadonlyArray<{
    readonly serviceId: string;
    readonly met: Array<number | null>;
    readonly availability: Array<number | null>;
    readonly metTarget: number | null;
    readonly availabilityTarget: number | null;
  }>;
}

export interface SlmApi {
  getOverview(period: PeriodRequest): Overview;
  checkWorkbook(): Problem[];
  /** Selects the cell a problem points at, so the user sees it in the sheet. */
  selectCell(tab: string, row: number, column: string): void;
  generateSla(serviceIds: string[] | null): GeneratedDoc;
  generateReview(period: PeriodRequest): GeneratedDoc;
  /** Supplier performance and trends are measured over `period` (default: the year to today). */
  getFindings(period?: PeriodRequest): Finding[];
  /** Who would get what, before anything is shared. */
  getSharingPlan(): SharingPlan;
  /** Shares and un-shares as ticked, records each person's access on the People tab. */
  applySharing(choices: SharingChoice[], remove?: string[] | null): ShareResult;
  previewImport(text: string | null, options: ImportRequest | null): ImportPreview;
  importIncidents(text: string | null, options: ImportRequest | null): ImportResult;
  listImportFiles(): Array<{ id: string; name: string }>;
  /** Opens Google Picker over the sheet, on CSV files or folders. */
  showPicker(kind: 'csv' | 'folder'): void;
  /** The CSV file picked in Google Picker since last asked, or null. */
  takePickedFile(): { id: string; name: string } | null;
  getDigestState(): DigestState;
  setDigest(on: boolean): DigestState;
  previewDigest(nowIso?: string | null): DigestPreview | null;
  getTrends(): TrendsView;
  /** Brings the representatives' comments onto the Comments tab (new ones added, changed ones updated). */
  collectComments(): CollectCommentsResult;

  getCallForm(): CallForm | null;
  createCallForm(): CallForm;
  writeWaitingCalls(): CallsWaiting;

  /** A trust workbook's refresh: how far it has got (null in a school's workbook, which has no Schools tab). */
  getTrustProgress(): TrustProgressView | null;
  /** Starts a refresh of the trust's figures for the period (this term by default). */
  refreshTrustFigures(period: PeriodRequest | null): TrustRefreshResult;
  /** Carries an unfinished refresh on (null when none is under way). */
  continueTrustRefresh(): TrustRefreshResult | null;
}

/** How far a trust's refresh has got, for the panel: "12 of 40 schools read". */
export interface TrustProgressView {
  readonly read: number;
  readonly total: number;
  readonly running: boolean;
  /** When the last school was read (ISO), or null. */
  readonly lastRead: string | null;
  readonly unreadable: Array<{ school: string; reason: string }>;
}

/** What one execution of a trust refresh did. */
export interface TrustRefreshResult {
  readonly read: number;
  readonly total: number;
  /** True when the refresh stopped for time and continues from a trigger. */
  readonly running: boolean;
  /** Schools read in this execution. */
  readonly readNow: string[];
  /** Schools that could not be read, each with the reason. */
  readonly unreadable: Array<{ school: string; reason: string }>;
  /** Rows of the Schools tab that need attention (named by row and column). */
  readonly problems: string[];
}

/** What Send to BigQuery did: each school's load job, schools it could not read, schools left for lack of time. */
export interface BigQueryResult {
  readonly project: string;
  readonly dataset: string;
  readonly loaded: Array<{ school: string; table: string; rows: number; state: 'loaded' | 'failed' | 'running'; error: string | null }>;
  readonly skipped: Array<{ school: string; reason: string }>;
  readonly notYet: string[];
}
