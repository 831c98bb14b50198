export * from './template';
export * from './render';
