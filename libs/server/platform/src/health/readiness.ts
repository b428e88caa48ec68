import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';

/** Flips to "not ready" the moment shutdown begins, so load balancers stop sending work. */
@Injectable()
export class ReadinessState implements BeforeApplicationShutdown {
  private stopping = false;

  get shuttingDown(): boolean {
    return this.stopping;
  }

  beforeApplicationShutdown(): void {
    this.stopping = true;
  }
}
