export * from './types';
export * from './thresholds';
export * from './analyse';
export * from './table';
export * from './html';
export * from './ranges';
export { slaLifecycle, type SlaLifecycle, type SlaStage } from './lifecycle';
