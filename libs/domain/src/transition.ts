/** A refused transition, with a message that names the current state. */
export class IllegalTransitionError extends Error {
  constructor(
    readonly what: string,
    readonly from: string,
    readonly to: string,
  ) {
    super(`Cannot move ${what} from "${from}" to "${to}"`);
  }
}

export type TransitionTable<S extends string> = Readonly<Record<S, readonly S[]>>;

export function canTransition<S extends string>(table: TransitionTable<S>, from: S, to: S): boolean {
  return table[from].includes(to);
}

export function assertTransition<S extends string>(what: string, table: TransitionTable<S>, from: S, to: S): void {
  if (!canTransition(table, from, to)) throw new IllegalTransitionError(what, from, to);
}
