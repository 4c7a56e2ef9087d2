/** Every entry point of the add-in; the build gives each export a top-level stub. */
export * from './entry/triggers';
export * from './entry/workbookActions';
export * from './entry/clearExample';
export * from './entry/start';
export * from './entry/customFunctions';
export * from './entry/findings';
export * from './entry/documents';
export * from './entry/sharing';
export * from './entry/sidebarApi';
export * from './entry/monitor';
export * from './entry/import';
export * from './entry/digest';
export * from './entry/callForm';
export * from './entry/trendsApi';
export * from './entry/picker';
