import type { ServiceName } from '@invigil/contracts';
import { ServiceNames } from '@invigil/contracts';
import { join } from 'node:path';
import { freePort } from './free-port';
import type { ProcessSpec } from './managed-process';
import { ManagedProcess, runToCompletion, waitUntilReady } from './managed-process';

export interface StackSettings {
  /** The repository root (where tools/run-ts.js lives). */
  root: string;
  databaseUrl: string;
  natsUrl: string;
  redisUrl: string;
  /** '' for the dev stack; a test tag isolates schemas (`<service>_<tag>`), subjects, stream and queues. */
  tag: string;
  gateways: number;
  jwtSecret: string;
  logDir: string;
  /** Fixed ports (npm start); tests let the OS pick. */
  servicePorts?: Partial<Record<ServiceName, number>>;
  gatewayPorts?: number[];
  frontendDist?: string;
  seed?: boolean;
  echo?: boolean;
  logLevel?: string;
  extraEnv?: Record<string, string>;
  /** The services to run (all by default); a benchmark of one service answers the others with peers. */
  services?: readonly ServiceName[];
}

const SEEDED: ServiceName[] = ['enrollment', 'sessions'];

/** The whole system as separate processes, the way it runs in production, on this machine's servers. */
export class LocalStack {
  private readonly services = new Map<ServiceName, ManagedProcess>();
  private readonly gatewayProcesses: ManagedProcess[] = [];
  private readonly ports = new Map<string, number>();

  private constructor(readonly settings: StackSettings) {}

  static async start(settings: StackSettings): Promise<LocalStack> {
    const stack = new LocalStack(settings);
    try {
      await stack.prepareDatabases();
      await Promise.all(stack.serviceNames.map((name) => stack.startService(name)));
      for (let i = 0; i < settings.gateways; i++) await stack.startGateway(i);
    } catch (error) {
      await stack.stop();
      throw error;
    }
    return stack;
  }

  /** The services this stack runs. */
  get serviceNames(): readonly ServiceName[] {
    return this.settings.services ?? ServiceNames;
  }

  schemaOf(name: ServiceName): string {
    return this.settings.tag ? `${name}_${this.settings.tag}` : name;
  }

  get subjectPrefix(): string {
    return this.settings.tag ? `${this.settings.tag}.` : '';
  }

  gatewayUrl(index = 0): string {
    return `http://127.0.0.1:${this.ports.get(`gateway-${index}`)}`;
  }

  /** A gateway replica's internal metrics endpoint (Prometheus scrapes it; the public port has no /metrics). */
  gatewayMetricsUrl(index = 0): string {
    return `http://127.0.0.1:${this.ports.get(`gateway-${index}-metrics`)}/metrics`;
  }

  /** The HTTP (health and metrics) port of a service. */
  servicePort(name: ServiceName): number {
    const port = this.ports.get(name);
    if (port === undefined) throw new Error(`${name} has no port yet`);
    return port;
  }

  serviceProcess(name: ServiceName): ManagedProcess {
    const child = this.services.get(name);
    if (!child) throw new Error(`${name} is not running`);
    return child;
  }

  /** A gateway replica's process (its pid, e.g. for memory figures). */
  gatewayProcess(index = 0): ManagedProcess {
    const child = this.gatewayProcesses[index];
    if (!child) throw new Error(`gateway-${index} is not running`);
    return child;
  }

  /** Stops a service gracefully (SIGTERM) and starts it again on the same port. */
  async restartService(name: ServiceName): Promise<void> {
    await this.services.get(name)?.stop();
    await this.startService(name);
  }

  async restartGateway(index: number): Promise<void> {
    await this.gatewayProcesses[index]?.stop();
    await this.startGateway(index);
  }

  async stop(): Promise<void> {
    await Promise.all(this.gatewayProcesses.map((child) => child.stop()));
    await Promise.all([...this.services.values()].map((child) => child.stop()));
  }

  private commonEnv(): Record<string, string> {
    return {
      NODE_ENV: this.settings.tag ? 'test' : 'development',
      NATS_URL: this.settings.natsUrl,
      REDIS_URL: this.settings.redisUrl,
      NATS_SUBJECT_PREFIX: this.subjectPrefix,
      QUEUE_PREFIX: this.settings.tag ? `invigil-${this.settings.tag}` : 'invigil',
      LOG_LEVEL: this.settings.logLevel ?? 'info',
      ...this.settings.extraEnv,
    };
  }

  private serviceEnv(name: ServiceName, port: number): Record<string, string> {
    return {
      ...this.commonEnv(),
      HTTP_PORT: String(port),
      DATABASE_URL: this.settings.databaseUrl,
      DB_SCHEMA: this.schemaOf(name),
    };
  }

  private spec(name: string, entry: string, args: string[], env: Record<string, string>, logName = name): ProcessSpec {
    return {
      name,
      command: process.execPath,
      args: [join(this.settings.root, 'tools/run-ts.js'), join(this.settings.root, entry), ...args],
      env,
      cwd: this.settings.root,
      logFile: join(this.settings.logDir, `${logName}.log`),
      echo: this.settings.echo,
    };
  }

  private async prepareDatabases(): Promise<void> {
    await Promise.all(
      this.serviceNames.map(async (name) => {
        const env = this.serviceEnv(name, 0);
        await runToCompletion(this.spec(`${name}-migrate`, `services/${name}/src/main.ts`, ['migrate'], env));
        if (this.settings.seed && SEEDED.includes(name)) {
          await runToCompletion(this.spec(`${name}-seed`, `services/${name}/src/main.ts`, ['seed'], env));
        }
      }),
    );
  }

  private async startService(name: ServiceName): Promise<void> {
    const port = this.ports.get(name) ?? this.settings.servicePorts?.[name] ?? (await freePort());
    this.ports.set(name, port);
    const child = new ManagedProcess(this.spec(name, `services/${name}/src/main.ts`, [], this.serviceEnv(name, port)));
    this.services.set(name, child);
    await waitUntilReady(`http://127.0.0.1:${port}/health/ready`, child);
  }

  private async startGateway(index: number): Promise<void> {
    const key = `gateway-${index}`;
    const port = this.ports.get(key) ?? this.settings.gatewayPorts?.[index] ?? (await freePort());
    this.ports.set(key, port);
    const metricsPort = this.ports.get(`${key}-metrics`) ?? (await freePort());
    this.ports.set(`${key}-metrics`, metricsPort);
    const env: Record<string, string> = {
      ...this.commonEnv(),
      HTTP_PORT: String(port),
      METRICS_PORT: String(metricsPort),
      JWT_SECRET: this.settings.jwtSecret,
    };
    if (this.settings.frontendDist) env['FRONTEND_DIST'] = this.settings.frontendDist;
    const child = new ManagedProcess(this.spec(key, 'gateway/src/main.ts', [], env));
    this.gatewayProcesses[index] = child;
    await waitUntilReady(`http://127.0.0.1:${port}/health/ready`, child);
  }
}
