import { RpcException } from '@nestjs/microservices';
import type { RpcErrorBody } from '@invigil/contracts';
import { RpcErrorCode } from '@invigil/contracts';

/** An error a handler throws on purpose; its body reaches the caller unchanged. */
export class RpcError extends RpcException {
  constructor(readonly body: RpcErrorBody) {
    super(body);
  }

  static notFound(message: string): RpcError {
    return new RpcError({ code: RpcErrorCode.NotFound, message });
  }

  static conflict(message: string): RpcError {
    return new RpcError({ code: RpcErrorCode.Conflict, message });
  }

  static forbidden(message: string): RpcError {
    return new RpcError({ code: RpcErrorCode.Forbidden, message });
  }

  static unauthenticated(message: string): RpcError {
    return new RpcError({ code: RpcErrorCode.Unauthenticated, message });
  }

  static invalid(message: string, details?: string[]): RpcError {
    return new RpcError({ code: RpcErrorCode.ValidationFailed, message, details });
  }
}

/** What a caller receives when another part failed or did not answer. */
export class RemoteCallError extends Error {
  constructor(
    readonly subject: string,
    readonly body: RpcErrorBody,
  ) {
    super(body.message);
  }
}
