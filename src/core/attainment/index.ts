export * from './types';
export * from './status';
export * from './model';
export * from './columns';
export * from './measure';
export * from './compute';
export * from './table';
export * from './calendars';
