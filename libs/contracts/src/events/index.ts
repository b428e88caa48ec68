export * from './session-events';
export * from './participant-events';
export * from './attempt-events';
export * from './outcome-events';
export * from './attempt-recovery-events';
