import { runCli, runServiceCli } from './service-cli';
import { DatabaseEnv } from '../config/env';

class ExitCalled extends Error {
  constructor(readonly code: number | undefined) {
    super(`exit ${code}`);
  }
}

describe('runCli', () => {
  let stderr: jest.SpyInstance;
  let exit: jest.SpyInstance;

  beforeEach(() => {
    stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    exit = jest.spyOn(process, 'exit').mockImplementation((code?: string | number | null) => {
      throw new ExitCalled(typeof code === 'number' ? code : undefined);
    });
  });

  afterEach(() => jest.restoreAllMocks());

  it('runs the named command, and serve when none is named', async () => {
    const ran: string[] = [];
    const commands = {
      serve: async () => void ran.push('serve'),
      migrate: async () => void ran.push('migrate'),
    };
    await runCli('sessions', commands, ['migrate']);
    await runCli('sessions', commands, []);
    expect(ran).toEqual(['migrate', 'serve']);
  });

  it('stops an unknown command with the list of commands and exit code 2, running nothing', () => {
    const serve = jest.fn(async () => undefined);
    expect(() => runCli('scoring', { serve, migrate: serve }, ['seed'])).toThrow(new ExitCalled(2));
    expect(serve).not.toHaveBeenCalled();
    expect(stderr).toHaveBeenCalledWith(
      'scoring: unknown command "seed"; the commands are: serve, migrate (none means serve)\n',
    );
  });

  it('does not take an inherited property for a command', () => {
    expect(() => runCli('scoring', { serve: async () => undefined }, ['toString'])).toThrow(new ExitCalled(2));
  });

  it('prints why a command failed and exits with 1', async () => {
    await expect(
      runCli('messaging', { serve: () => Promise.reject(new Error('NATS unreachable')) }, ['serve']),
    ).rejects.toThrow(new ExitCalled(1));
    expect(stderr).toHaveBeenCalledWith('messaging failed to start: NATS unreachable\n');
    expect(exit).toHaveBeenCalledWith(1);
  });
});

describe('runServiceCli', () => {
  afterEach(() => jest.restoreAllMocks());

  const spec = {
    service: 'monitoring',
    envClass: DatabaseEnv,
    rootModule: () => class Never {},
    entities: [],
    migrations: [],
  };

  it('offers seed only to services that have demo data', () => {
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    jest.spyOn(process, 'exit').mockImplementation((code?: string | number | null) => {
      throw new ExitCalled(typeof code === 'number' ? code : undefined);
    });
    expect(() => runServiceCli(spec, ['seed'])).toThrow(new ExitCalled(2));
    expect(stderr).toHaveBeenCalledWith(
      'monitoring: unknown command "seed"; the commands are: serve, migrate (none means serve)\n',
    );
    stderr.mockClear();
    expect(() => runServiceCli({ ...spec, seed: async () => undefined }, ['sed'])).toThrow(new ExitCalled(2));
    expect(stderr).toHaveBeenCalledWith(
      'monitoring: unknown command "sed"; the commands are: serve, migrate, seed (none means serve)\n',
    );
  });
});
