import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { EventSubscriber, TransactionEventArgs } from '@mikro-orm/core';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';

type Work = () => Promise<void>;

/**
 * Runs work once the transaction a handler is in has committed, and never if it rolls back:
 * e.g. a job that reads the rows the transaction wrote must not be enqueued before they exist.
 * Failures are logged, not thrown (the commit already happened); callers need a recovery path
 * (a sweep) for work that was lost this way or by a crash.
 */
@Injectable()
export class AfterCommit implements OnModuleInit, EventSubscriber {
  private readonly logger = new Logger(AfterCommit.name);
  private readonly pending = new WeakMap<EntityManager, Work[]>();
  private registered = false;

  constructor(private readonly orm: MikroORM) {}

  onModuleInit(): void {
    // Register once, even if the hook were called again.
    if (this.registered) return;
    this.registered = true;
    // Forks share (or clone) the root event manager, so every transaction reports to this subscriber.
    this.orm.em.getEventManager().registerSubscriber(this);
  }

  /** `em` is the transactional EntityManager a handler or `Outbox.transaction` hands out. */
  run(em: EntityManager, work: Work): void {
    if (!em.isInTransaction()) throw new Error('AfterCommit.run needs the EntityManager of an open transaction');
    const queued = this.pending.get(em) ?? [];
    queued.push(work);
    this.pending.set(em, queued);
  }

  async afterTransactionCommit(args: TransactionEventArgs): Promise<void> {
    const queued = this.take(args);
    for (const work of queued) {
      try {
        await work();
      } catch (error) {
        this.logger.error(`After-commit work failed: ${String(error)}`);
      }
    }
  }

  afterTransactionRollback(args: TransactionEventArgs): void {
    this.take(args);
  }

  private take(args: TransactionEventArgs): Work[] {
    const em = args.em as EntityManager;
    const queued = this.pending.get(em) ?? [];
    this.pending.delete(em);
    return queued;
  }
}
