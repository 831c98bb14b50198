export * from './api-versions';
export * from './vm-sizes';
export * from './kubernetes-versions';
export * from './hub-limits';
export * from './stamp';
export * from './features';
