export * from './free-port';
export * from './managed-process';
export * from './stack';
