import { SignalKind } from '@invigil/contracts';
import type { BenchCandidate } from '../autosave/exam-setup';
import type { ActionKind } from './proctor-watch';

export interface SideActionSettings {
  gatewayUrl: string;
  sessionId: string;
  /** Each chatting (or signalling) candidate acts this often, at its own random phase. */
  intervalMs: number;
  /** Called as each action is sent, with how many of that kind this candidate has sent so far. */
  onSent: (userId: string, kind: ActionKind, count: number, sentAt: number) => void;
}

/**
 * What a few candidates do besides saving, over HTTP as the exam page does: ask the proctor (a chat
 * message to staff) and report suspicious activity (a tab switch signal, which raises an alert).
 */
export class SideActions {
  private timers: NodeJS.Timeout[] = [];
  private running = false;
  readonly failures: string[] = [];
  private inFlight = new Set<Promise<void>>();

  constructor(
    private readonly settings: SideActionSettings,
    private readonly chatters: BenchCandidate[],
    private readonly signallers: BenchCandidate[],
  ) {}

  start(): void {
    this.running = true;
    for (const candidate of this.chatters) this.repeat(candidate, 'chat');
    for (const candidate of this.signallers) this.repeat(candidate, 'signal');
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const timer of this.timers) clearTimeout(timer);
    await Promise.allSettled([...this.inFlight]);
  }

  private repeat(candidate: BenchCandidate, kind: ActionKind): void {
    let count = 0;
    const act = () => {
      if (!this.running) return;
      count++;
      const done = this.send(candidate, kind, count);
      this.inFlight.add(done);
      void done.finally(() => this.inFlight.delete(done));
      this.timers.push(setTimeout(act, this.settings.intervalMs));
    };
    this.timers.push(setTimeout(act, Math.random() * this.settings.intervalMs));
  }

  private async send(candidate: BenchCandidate, kind: ActionKind, count: number): Promise<void> {
    const { gatewayUrl, sessionId } = this.settings;
    const [path, body] =
      kind === 'chat'
        ? [`messages/to-staff`, { body: `Bench question ${count} from ${candidate.userId}` }]
        : [`signals`, { kind: SignalKind.TabHidden, occurredAt: new Date().toISOString() }];
    this.settings.onSent(candidate.userId, kind, count, performance.now());
    const response = await fetch(`${gatewayUrl}/api/sessions/${sessionId}/${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${candidate.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).catch((error: Error) => ({ status: 0, text: async () => error.message }));
    if (response.status !== 201)
      this.failures.push(`${kind} ${response.status}: ${(await response.text()).slice(0, 200)}`);
  }
}
