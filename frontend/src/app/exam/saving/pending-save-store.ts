import type { DBSchema, IDBPDatabase } from 'idb';
import { openDB } from 'idb';
import type { AnswerValue } from '@invigil/contracts';
import type { PendingSave } from './save-queue';

/** Where the answers the server has not acknowledged yet wait, so that a reload or a crash loses none. */
export interface PendingSaveStore {
  /** Every waiting save of this candidate's attempt, oldest change first. */
  load(): Promise<PendingSave[]>;
  /** Keeps the save, replacing an older waiting one for the same question. */
  put(save: PendingSave): Promise<void>;
  /** Forgets the question's waiting save unless a newer change replaced it meanwhile. */
  remove(save: PendingSave): Promise<void>;
}

interface StoredSave {
  userId: string;
  sessionId: string;
  questionId: string;
  clientSeq: number;
  answer: AnswerValue;
  /** Increases with every change, so the saves are resent in the order the candidate made them. */
  order: number;
}

interface ExamDb extends DBSchema {
  'pending-saves': {
    key: [string, string, string];
    value: StoredSave;
    indexes: { 'by-attempt': [string, string] };
  };
}

const dbName = 'invigil-exam';
const storeName = 'pending-saves';

let opened: Promise<IDBPDatabase<ExamDb>> | null = null;

/** One connection per page: every tab's store shares it. */
function database(): Promise<IDBPDatabase<ExamDb>> {
  opened ??= openDB<ExamDb>(dbName, 1, {
    upgrade(db) {
      const store = db.createObjectStore(storeName, { keyPath: ['userId', 'sessionId', 'questionId'] });
      store.createIndex('by-attempt', ['userId', 'sessionId']);
    },
  });
  return opened;
}

/** For tests: the next store opens the database again (e.g. after fake-indexeddb was reset). */
export function forgetOpenedDatabase(): void {
  opened = null;
}

/**
 * The pending saves of one candidate in one session, in IndexedDB. Keyed by user and session, so two
 * people sharing a browser never see each other's answers, and one record per question, because only
 * the newest change to a question still needs sending.
 */
export class IdbPendingSaveStore implements PendingSaveStore {
  private lastOrder = 0;

  constructor(
    private readonly userId: string,
    private readonly sessionId: string,
  ) {}

  async load(): Promise<PendingSave[]> {
    const db = await database();
    const records = await db.getAllFromIndex(storeName, 'by-attempt', [this.userId, this.sessionId]);
    records.sort((a, b) => a.order - b.order);
    this.lastOrder = Math.max(this.lastOrder, ...records.map((record) => record.order));
    return records.map(({ questionId, clientSeq, answer }) => ({ questionId, clientSeq, answer }));
  }

  async put(save: PendingSave): Promise<void> {
    // Date-based so another tab's records of the same attempt sort sensibly; never repeats within this one.
    this.lastOrder = Math.max(Date.now(), this.lastOrder + 1);
    const record: StoredSave = { userId: this.userId, sessionId: this.sessionId, ...save, order: this.lastOrder };
    const db = await database();
    const tx = db.transaction(storeName, 'readwrite');
    const stored = await tx.store.get(this.key(save.questionId));
    // A save replayed from an older tab must not replace a newer waiting change.
    if (!stored || stored.clientSeq <= save.clientSeq) await tx.store.put(record);
    await tx.done;
  }

  async remove(save: PendingSave): Promise<void> {
    const db = await database();
    const tx = db.transaction(storeName, 'readwrite');
    const stored = await tx.store.get(this.key(save.questionId));
    if (stored && stored.clientSeq <= save.clientSeq) await tx.store.delete(this.key(save.questionId));
    await tx.done;
  }

  private key(questionId: string): [string, string, string] {
    return [this.userId, this.sessionId, questionId];
  }
}
