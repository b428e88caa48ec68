import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { RpcError } from '@invigil/server-platform';
import { FINISHED_SESSION_STATUSES } from '@invigil/domain';
import { ACTIVE_CODE_INDEX, ProctoredSession } from './proctored-session.entity';

/** Thrown inside a create transaction when the code is taken; the caller retries or refuses. */
export class EnrollmentCodeTaken extends Error {
  constructor(readonly code: string) {
    super(`Enrollment code ${code} is taken`);
  }
}

/** Either our own check saw the code taken, or a concurrent create won the race at the index. */
export function isEnrollmentCodeTaken(error: unknown): boolean {
  if (error instanceof EnrollmentCodeTaken) return true;
  return (
    error instanceof UniqueConstraintViolationException &&
    (error as { constraint?: string }).constraint === ACTIVE_CODE_INDEX
  );
}

export async function enrollmentCodeInUse(em: EntityManager, orgId: string, code: string): Promise<boolean> {
  const count = await em.count(ProctoredSession, {
    orgId,
    enrollmentCode: code,
    status: { $nin: [...FINISHED_SESSION_STATUSES] },
  });
  return count > 0;
}

export function codeInUseError(code: string): RpcError {
  return RpcError.conflict(
    `The enrollment code "${code}" is already used by another session that has not ended. Choose another code, or leave it empty to have one generated.`,
  );
}
