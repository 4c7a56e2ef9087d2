/** The offline Apps Script runtime: fakes of the services the project uses, and the bundle loader. */
export { CallCounter, calls } from './calls';
export { createOfflineRuntime, DEFAULT_DIST_DIR } from './runtime';
export type { OfflineRuntime, OfflineRuntimeOptions, OfflineServices } from './runtime';
export { newEnv, FakeUser } from './env';
export type { OfflineEnv } from './env';
export { isDate, type Realm } from './realm';
export { FakeSpreadsheet, FakeSpreadsheetApp, type FormulaEvaluator, type Toast } from './spreadsheet';
export { FakeSheet, DEFAULT_ROWS, DEFAULT_COLUMNS, DEFAULT_COLUMN_WIDTH } from './sheet';
export { FakeRange } from './range';
export { FakeProtection, ProtectionType } from './protection';
export { FakeDataValidation, FakeDataValidationBuilder, DataValidationCriteria } from './validation';
export { columnLetters, columnIndex, parseA1, a1Of, TEXT_FORMAT, type CellValue } from './cells';
export { FakeUi, FakeMenu, Button, ButtonSet, type MenuEntry, type MenuTree, type Alert, type Prompt, type ScriptedResponse, type Shown } from './ui';
export { FakeHtmlService, FakeHtmlOutput, FakeHtmlTemplate, escapeHtml } from './html';
export {
  FakePropertiesService,
  FakeProperties,
  PROPERTY_VALUE_LIMIT_BYTES,
  PROPERTY_STORE_LIMIT_BYTES,
  PROPERTY_VALUE_TOO_LARGE_MESSAGE,
  PROPERTY_STORE_FULL_MESSAGE,
} from './properties';
export { FakeLockService, FakeLock, LOCK_TIMEOUT_MESSAGE, type LockScope } from './lock';
export { FakeUtilities, FakeBlob } from './utilities';
export { FakeSession } from './session';
export {
  FakeScriptApp,
  FakeTrigger,
  TriggerStore,
  EventType,
  TriggerSource,
  AuthMode,
  WeekDay,
  MAX_TRIGGERS,
  TOO_MANY_TRIGGERS_MESSAGE,
  EVERY_MINUTES_ALLOWED,
  type ClockSchedule,
} from './triggers';
export {
  FakeMailApp,
  DEFAULT_MAIL_DAILY_QUOTA,
  MAIL_QUOTA_MESSAGE,
  MAX_RECIPIENTS_PER_MESSAGE,
  TOO_MANY_RECIPIENTS_MESSAGE,
  BODY_TOO_LARGE_MESSAGE,
  NO_RECIPIENT_MESSAGE,
  MAX_BODY_BYTES,
  type MailOptions,
  type SentMail,
} from './mail';
export {
  FakeDocumentApp,
  FakeDocument,
  FakeBody,
  FakeParagraph,
  FakeListItem,
  FakeTable,
  FakeTableRow,
  FakeTableCell,
  FakeText,
  ParagraphHeading,
  GlyphType,
  Attribute,
  HorizontalAlignment,
  ElementType,
  CLOSED_MESSAGE,
  type DocBlock,
} from './document';
export { FakeDriveAdvanced, FakeDrivePermissions, permissionIdOf, type Permission, type DriveNotification } from './driveAdvanced';
export { FakeDriveApp, FakeFile, FakeFolder, DriveStore, MimeType, NOT_FOUND_MESSAGE, ITERATOR_END_MESSAGE } from './drive';
export { formatSimpleDate, partsAt, instantOf } from './zoned';
export { writeXlsx } from './xlsx';
export {
  CUSTOM_FUNCTION_TIME_LIMIT_MS,
  SCRIPT_TIME_LIMIT_MS,
  SIMPLE_TRIGGER_TIME_LIMIT_MS,
  SIMPLE_TRIGGERS,
  TIME_LIMIT_MESSAGE,
  REFUSED_IN_CUSTOM_FUNCTIONS,
  UI_REFUSED_MESSAGE,
  permissionMessage,
  isMutator,
  type RuntimeMode,
} from './restrictions';
