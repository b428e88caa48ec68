export * from './transition';
export * from './session-lifecycle';
export * from './participant-status';
export * from './clock';
export * from './scoring';
export * from './enrollment-code';
export * from './zoned-time';
export * from './enrollment-rules';
