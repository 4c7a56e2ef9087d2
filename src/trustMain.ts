/**
 * Every entry point of the trust's copy: a school's, plus the trust's roll-up. Where both define one (the menu,
 * the Picker's answer, the panel's trust progress), the trust's is exported by name, which wins over `export *`.
 */
export * from './main';
export * from './entry/trust';
export { getTrustProgress } from './entry/trust';
export { onOpen, onInstall, pickerChosen } from './entry/trustCopy';
