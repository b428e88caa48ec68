import { packageName } from './compile-app';
import { productionManifest } from './production-manifest';

describe('productionManifest', () => {
  const root = {
    version: '1.2.3',
    dependencies: {
      '@nestjs/core': '11.2.10',
      '@nestjs/platform-express': '11.2.10',
      'reflect-metadata': '0.2.2',
      nats: '2.29.3',
      pg: '8.20.0',
      '@mikro-orm/postgresql': '6.6.16',
    },
    devDependencies: { jest: '30.5.2' },
  };

  it('lists exactly the required packages, plus those loaded by name, at the locked versions', () => {
    const manifest = productionManifest(
      'sessions',
      root,
      new Set(['@nestjs/core', 'nats', '@mikro-orm/postgresql']),
    ) as { dependencies: Record<string, string> };
    expect(manifest.dependencies).toEqual({
      '@mikro-orm/postgresql': '6.6.16',
      '@nestjs/core': '11.2.10',
      '@nestjs/platform-express': '11.2.10',
      nats: '2.29.3',
      pg: '8.20.0',
      'reflect-metadata': '0.2.2',
    });
  });

  it('refuses a runtime package that is only a dev dependency, naming it', () => {
    expect(() => productionManifest('sessions', root, new Set(['jest', 'left-pad']))).toThrow(
      'sessions requires packages that are not production dependencies: jest (only a devDependency), left-pad',
    );
  });
});

describe('packageName', () => {
  it('keeps the scope and drops deep paths', () => {
    expect(packageName('@nestjs/microservices/errors/x')).toBe('@nestjs/microservices');
    expect(packageName('pdf-parse/lib/pdf-parse.js')).toBe('pdf-parse');
  });
});
