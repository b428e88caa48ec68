export * from './test-env';
export * from './test-service';
export * from './raw-nats';
export * from './garbage';
export * from './otlp-collector';
export * from './event-stream';
export * from './peer';
export * from './sessions-peer';
