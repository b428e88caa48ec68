// The globals idb needs besides indexedDB itself (IDBRequest, IDBKeyRange, …).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { deserialize, serialize } from 'node:v8';
import { forgetOpenedDatabase } from '../app/exam/saving/pending-save-store';

/**
 * Gives the test an empty in-memory IndexedDB (fake-indexeddb), as a browser after clearing its data.
 * jsdom lacks structuredClone, which IndexedDB clones every stored value with: Node's serializer stands in.
 */
export function freshIndexedDb(): void {
  globalThis.structuredClone ??= <T>(value: T): T => deserialize(serialize(value)) as T;
  globalThis.indexedDB = new IDBFactory();
  forgetOpenedDatabase();
}
