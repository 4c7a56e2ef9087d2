export * from './types';
export * from './workbook';
export * from './records';
export * from './ids';
