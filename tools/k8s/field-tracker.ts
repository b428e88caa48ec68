/**
 * Finds fields a schema does not know. kubernetes-models ships compiled (ajv) validators whose schemas
 * do not forbid additional properties, so a misspelt field (`readinessProbes`) validates silently and the
 * API server later drops it. But a validator reads every property its schema declares in order to check
 * it, so we hand it a proxy that records each read: a key present in the data that the validator never
 * read is unknown to the schema. Objects it enumerates (maps such as labels or resource limits) and
 * objects it never looks into (free-form fields) are not judged.
 */
interface ReadLog {
  keysRead: Map<string, Set<string>>;
  enumerated: Set<string>;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function track(value: unknown, path: string, log: ReadLog): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const record = (key: string | symbol) => {
    if (typeof key !== 'string') return;
    const keys = log.keysRead.get(path) ?? new Set<string>();
    keys.add(key);
    log.keysRead.set(path, keys);
  };
  return new Proxy(value, {
    get(target, key, receiver) {
      record(key);
      const child: unknown = Reflect.get(target, key, receiver);
      return typeof key === 'string' && Object.prototype.hasOwnProperty.call(target, key)
        ? track(child, `${path}/${key}`, log)
        : child;
    },
    has(target, key) {
      record(key);
      return Reflect.has(target, key);
    },
    ownKeys(target) {
      log.enumerated.add(path);
      return Reflect.ownKeys(target);
    },
  });
}

function collectUnknown(value: unknown, path: string, log: ReadLog, found: string[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => collectUnknown(item, `${path}/${index}`, log, found));
    return;
  }
  if (!isPlainObject(value)) return;
  const keysRead = log.keysRead.get(path);
  // Never looked into: a free-form field (x-kubernetes-preserve-unknown-fields), nothing to judge.
  if (!keysRead) return;
  const isMap = log.enumerated.has(path);
  for (const [key, child] of Object.entries(value)) {
    if (!isMap && !keysRead.has(key)) found.push(`${path}/${key}`);
    else collectUnknown(child, `${path}/${key}`, log, found);
  }
}

/**
 * Runs `validate` on a recording proxy of `data` and returns the JSON pointers of fields it never
 * read, plus whatever `validate` threw (its schema errors), which the caller reports separately.
 */
export function validateTrackingFields(
  data: unknown,
  validate: (proxy: unknown) => void,
): { unknownFields: string[]; error?: unknown } {
  const log: ReadLog = { keysRead: new Map(), enumerated: new Set() };
  let error: unknown;
  try {
    validate(track(data, '', log));
  } catch (thrown) {
    error = thrown;
  }
  const unknownFields: string[] = [];
  collectUnknown(data, '', log, unknownFields);
  return { unknownFields, error };
}
