/** Generated documents: the SLA and the service review as a document model, and its HTML rendering. */
export * from './model';
export * from './questions';
export * from './services';
export * from './sla';
export * from './review';
export * from './html';
export * from './naming';
export * from './slaHours';
