export * from './arm-types';
export * from './arm-template';
