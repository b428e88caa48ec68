import type { EventSubscriber, TransactionEventArgs } from '@mikro-orm/core';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';

/** Work that must only happen once the rows it depends on are committed (enqueue a job, send a mail). */
export type AfterCommitWork = () => Promise<void>;

/**
 * Runs work once the transaction a handler is in has committed, and never if it rolls back:
 * a job that reads the rows the transaction wrote must not be enqueued before they exist, nor at all
 * if they never will. The commit awaits the work, so `Outbox.transaction` returns after it ran.
 * Failures are logged, not thrown (the commit already happened); callers need a recovery path
 * (a start-up sweep) for work lost this way or by a crash between commit and work.
 */
@Injectable()
export class AfterCommit implements OnModuleInit, EventSubscriber {
  private readonly logger = new Logger(AfterCommit.name);
  private readonly pending = new WeakMap<EntityManager, AfterCommitWork[]>();
  private registered = false;

  constructor(private readonly orm: MikroORM) {}

  onModuleInit(): void {
    if (this.registered) return;
    this.registered = true;
    // Forks share the root event manager, so every transaction of the service reports here.
    this.orm.em.getEventManager().registerSubscriber(this);
  }

  /**
   * `em` is the EntityManager of the outermost transaction (the one `Outbox.transaction` or an event
   * handler hands out): MikroORM reports commits of top-level transactions only, not of savepoints.
   * Work runs in the order it was queued.
   */
  run(em: EntityManager, work: AfterCommitWork): void {
    if (!em.isInTransaction()) throw new Error('AfterCommit.run needs the EntityManager of an open transaction');
    const queued = this.pending.get(em) ?? [];
    queued.push(work);
    this.pending.set(em, queued);
  }

  async afterTransactionCommit(args: TransactionEventArgs): Promise<void> {
    for (const work of this.take(args)) {
      try {
        await work();
      } catch (error) {
        this.logger.error(`After-commit work failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  afterTransactionRollback(args: TransactionEventArgs): void {
    this.take(args);
  }

  private take(args: TransactionEventArgs): AfterCommitWork[] {
    const em = args.em as EntityManager;
    const queued = this.pending.get(em) ?? [];
    this.pending.delete(em);
    return queued;
  }
}
