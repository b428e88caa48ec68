import { Logger } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { EventPayload } from '@invigil/contracts';
import { Events } from '@invigil/contracts';
import {
  AfterCommit,
  dropSchema,
  migrateSchema,
  OutboxMessage,
  recordEvent,
  recordEvents,
  runWithContext,
  serviceOrmConfig,
} from '@invigil/server-platform';
import { randomUUID } from 'node:crypto';
import { testDatabaseUrl, uniqueTag } from '../src';
import { Effect, fixtureMigrations } from './outbox-fixture';

const created = (name: string): EventPayload<typeof Events.sessionCreated> => ({
  orgId: randomUUID(),
  sessionId: randomUUID(),
  name,
  enrollmentCode: 'ABCDEF',
  questionCount: 1,
});

describe('platform transaction helpers on the real PostgreSQL', () => {
  const schema = `platform_${uniqueTag()}`;
  const settings = { databaseUrl: testDatabaseUrl(), schema, entities: [Effect], migrations: fixtureMigrations };
  let orm: MikroORM;
  let afterCommit: AfterCommit;

  beforeAll(async () => {
    await migrateSchema(settings);
    orm = await MikroORM.init(serviceOrmConfig(settings));
    afterCommit = new AfterCommit(orm);
    afterCommit.onModuleInit();
  });

  afterAll(async () => {
    await orm?.close();
    await dropSchema(testDatabaseUrl(), schema);
  });

  const rowsInPublishOrder = () =>
    orm.em.fork().find(OutboxMessage, {}, { orderBy: { seq: 'asc' }, fields: ['id', 'subject', 'payload', 'seq'] });

  describe('recordEvents', () => {
    it('writes every payload in one transaction, in publish order after the events recorded before it', async () => {
      await orm.em.fork().execute('truncate outbox');
      const bulk = ['b1', 'b2', 'b3', 'b4'].map(created);
      const ids = await runWithContext({ correlationId: 'corr-bulk' }, () =>
        orm.em.fork().transactional(async (em) => {
          recordEvent(em, Events.sessionCreated, created('before'));
          const written = await recordEvents(em, Events.sessionCreated, bulk);
          recordEvent(em, Events.sessionCreated, created('after'));
          return written;
        }),
      );
      const rows = await rowsInPublishOrder();
      expect(rows.map((row) => (row.payload as { name: string }).name)).toEqual([
        'before',
        'b1',
        'b2',
        'b3',
        'b4',
        'after',
      ]);
      expect(rows.slice(1, 5).map((row) => row.id)).toEqual(ids);
      const stored = await orm.em.fork().find(OutboxMessage, { id: { $in: ids } });
      expect(stored.every((row) => row.correlationId === 'corr-bulk' && row.publishAttempts === 0)).toBe(true);
      expect(stored.every((row) => row.publishedAt === null && row.subject === Events.sessionCreated)).toBe(true);
    });

    it('writes nothing when the transaction rolls back, and nothing for an empty list', async () => {
      await orm.em.fork().execute('truncate outbox');
      await expect(
        orm.em.fork().transactional(async (em) => {
          await recordEvents(em, Events.sessionCreated, [created('lost')]);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await orm.em.fork().transactional((em) => recordEvents(em, Events.sessionCreated, []))).toEqual([]);
      expect(await rowsInPublishOrder()).toHaveLength(0);
    });

    it('refuses an EntityManager outside a transaction', async () => {
      await expect(recordEvents(orm.em.fork(), Events.sessionCreated, [created('x')])).rejects.toThrow(
        'open transaction',
      );
    });
  });

  describe('AfterCommit', () => {
    it('runs queued work after the commit, when the committed rows are visible, in order', async () => {
      const seen: string[] = [];
      const sessionId = randomUUID();
      await orm.em.fork().transactional(async (em) => {
        em.create(Effect, { sessionId, applied: 1 });
        afterCommit.run(em, async () => {
          const row = await orm.em.fork().findOne(Effect, { sessionId });
          seen.push(row ? 'first saw the row' : 'first ran too early');
        });
        afterCommit.run(em, async () => {
          seen.push('second');
        });
        seen.push('in transaction');
      });
      expect(seen).toEqual(['in transaction', 'first saw the row', 'second']);
    });

    it('never runs work of a transaction that rolled back, nor later with another transaction', async () => {
      const ran: string[] = [];
      await expect(
        orm.em.fork().transactional(async (em) => {
          afterCommit.run(em, async () => {
            ran.push('rolled back work');
          });
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      await orm.em.fork().transactional(async () => undefined);
      expect(ran).toEqual([]);
    });

    it('logs a failing work item instead of throwing, and still runs the rest', async () => {
      const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      const ran: string[] = [];
      await expect(
        orm.em.fork().transactional(async (em) => {
          afterCommit.run(em, () => Promise.reject(new Error('queue unreachable')));
          afterCommit.run(em, async () => {
            ran.push('next');
          });
        }),
      ).resolves.toBeUndefined();
      expect(ran).toEqual(['next']);
      expect(errors).toHaveBeenCalledWith('After-commit work failed: queue unreachable');
      errors.mockRestore();
    });

    it('refuses an EntityManager outside a transaction', () => {
      expect(() => afterCommit.run(orm.em.fork(), async () => undefined)).toThrow('open transaction');
    });
  });
});
