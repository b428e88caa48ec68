import { readFileSync } from 'node:fs';

/** Linux' USER_HZ: /proc/<pid>/stat counts CPU time in these ticks (100 on every usual kernel). */
const TICKS_PER_SECOND = 100;

export function pidOf(managed: { child: { pid?: number }; spec: { name: string } }): number {
  if (managed.child.pid === undefined) throw new Error(`${managed.spec.name} has no process id: it did not start`);
  return managed.child.pid;
}

/** Resident memory of a process in bytes, from /proc/<pid>/status (VmRSS). */
export function residentBytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('VmRSS:'));
  if (!line) throw new Error(`/proc/${pid}/status has no VmRSS line`);
  return Number(line.replace(/\D+/g, '')) * 1024;
}

/** User + system CPU seconds a process has used so far, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may itself hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** CPU use of one process between two readings, as a percentage of one core. */
export class CpuMeter {
  private startSeconds: number;
  private startedAt = performance.now();

  constructor(private readonly read: () => number) {
    this.startSeconds = read();
  }

  static ofPid(pid: number): CpuMeter {
    return new CpuMeter(() => cpuSeconds(pid));
  }

  static ofThisProcess(): CpuMeter {
    return new CpuMeter(() => {
      const usage = process.cpuUsage();
      return (usage.user + usage.system) / 1e6;
    });
  }

  percentOfOneCore(): number {
    const elapsed = (performance.now() - this.startedAt) / 1000;
    return ((this.read() - this.startSeconds) / elapsed) * 100;
  }
}

/** Sum and count of a Prometheus histogram series, e.g. a service's handling time of one NATS subject. */
export async function histogramTotals(
  metricsUrl: string,
  name: string,
  label: string,
): Promise<{ sum: number; count: number }> {
  const text = await (await fetch(metricsUrl)).text();
  const value = (suffix: string) => {
    const line = text.split('\n').find((entry) => entry.startsWith(`${name}_${suffix}{`) && entry.includes(label));
    return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
  };
  return { sum: value('sum'), count: value('count') };
}

/** The value of a Prometheus series with no labels beyond the service's, e.g. the gateway's open socket count. */
export async function gaugeValue(metricsUrl: string, name: string): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  const line = text.split('\n').find((entry) => entry.startsWith(`${name} `) || entry.startsWith(`${name}{`));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : NaN;
}
