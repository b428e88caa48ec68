export * from './test-env';
export * from './test-service';
export * from './raw-nats';
export * from './garbage';
