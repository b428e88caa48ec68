import type { PgbenchResult } from './pgbench';
import type { WindowFigures } from './candidate-load';

export interface LevelResult {
  candidates: number;
  connectFailures: number;
  connectSeconds: number;
  attachRefused: number;
  attachSeconds: number;
  figures: WindowFigures;
  /** Sockets closed by the other side at any time after connecting (the window's own count is in figures). */
  droppedSinceConnect: number;
  gatewaySocketsAfterWindow: number;
  /** Saves the sessions service finished handling during the window (its NATS histogram). */
  sessionsHandledInWindow: number;
  /** Answer changes PostgreSQL accepted during the window (the sum of change_count), acknowledged or not. */
  sessionsStoredInWindow: number;
  /** Gateway resident memory growth per connection: connected and attached; and after the window. */
  rssPerConnectionKiB: number;
  rssPerConnectionAfterKiB: number;
  gatewayRssMiB: number;
  /** CPU with every page connected and attached but not saving (heartbeats, presence refresh). */
  gatewayIdleCpuPercent: number;
  sessionsIdleCpuPercent: number;
  gatewayCpuPercent: number;
  sessionsCpuPercent: number;
  clientCpuPercent: number;
  /** Mean time the sessions service spent on one save (its own NATS handling histogram). */
  sessionsSaveMeanMs: number;
  loadAverage: number;
}

const fixed = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

function failureText(failures: Record<string, number>): string {
  const entries = Object.entries(failures);
  return entries.length === 0 ? '0' : entries.map(([kind, count]) => `${count} ${kind}`).join(', ');
}

/** A Markdown table, so the output can go into docs/benchmarks.md as it is. */
export function resultTable(results: LevelResult[], pgbench: PgbenchResult, intervalMs: number): string {
  const rows = [
    '| candidates | saves/s (offered) | p50 ack | p99 ack | max ack | failures in the window | gateway RSS per connection (attached / after window) | gateway RSS | CPU % of one core: gateway / sessions / bench client | sessions time per save (mean) | saves/s ÷ pgbench tps | load avg |',
    '| ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const result of results) {
    const { figures } = result;
    const offered = (result.candidates - result.connectFailures - result.attachRefused) / (intervalMs / 1000);
    const failed = { ...figures.failures };
    if (result.connectFailures) failed['not connected'] = result.connectFailures;
    if (result.attachRefused) failed['not attached'] = result.attachRefused;
    if (result.droppedSinceConnect) failed['sockets dropped'] = result.droppedSinceConnect;
    rows.push(
      `| ${result.candidates} | ${fixed(figures.savesPerSecond, 1)} (${fixed(offered)}) | ${fixed(figures.p50Ms)} ms | ${fixed(figures.p99Ms)} ms | ${fixed(figures.maxMs)} ms | ${failureText(failed)} | ` +
        `${fixed(result.rssPerConnectionKiB)} / ${fixed(result.rssPerConnectionAfterKiB)} KiB | ${fixed(result.gatewayRssMiB)} MiB | ` +
        `${fixed(result.gatewayCpuPercent)} / ${fixed(result.sessionsCpuPercent)} / ${fixed(result.clientCpuPercent)} | ${fixed(result.sessionsSaveMeanMs, 1)} ms | ` +
        `${fixed(figures.savesPerSecond / pgbench.tps, 3)} | ${fixed(result.loadAverage, 1)} |`,
    );
  }
  return rows.join('\n');
}

/** CPU milliseconds one save costs a process: its CPU while saving above its CPU before, per save. */
function cpuMsPerSave(busyPercent: number, idlePercent: number, result: LevelResult): number {
  return ((busyPercent - idlePercent) / 100 / result.figures.savesPerSecond) * 1000;
}

export function setupLines(results: LevelResult[]): string {
  return results
    .map(
      (result) =>
        `${result.candidates} candidates: connected in ${fixed(result.connectSeconds, 1)} s, attached in ${fixed(result.attachSeconds, 1)} s; ` +
        `${result.figures.acked} saves acknowledged in the ${result.figures.seconds} s window, ${result.sessionsHandledInWindow} finished by sessions, ${result.sessionsStoredInWindow} stored in PostgreSQL; ` +
        `${result.droppedSinceConnect} sockets dropped since connecting, ${result.gatewaySocketsAfterWindow} open at the gateway after the window; bench client event-loop delay p99 ${fixed(result.figures.clientLoopDelayP99Ms)} ms; ` +
        `CPU % of one core before saving (connected, attached): gateway ${fixed(result.gatewayIdleCpuPercent)}, sessions ${fixed(result.sessionsIdleCpuPercent)}; ` +
        `CPU per acknowledged save: gateway ${fixed(cpuMsPerSave(result.gatewayCpuPercent, result.gatewayIdleCpuPercent, result), 1)} ms, sessions ${fixed(cpuMsPerSave(result.sessionsCpuPercent, result.sessionsIdleCpuPercent, result), 1)} ms`,
    )
    .join('\n');
}
