import { Injectable } from '@nestjs/common';
import { Requests, RpcErrorCode, SessionView } from '@invigil/contracts';
import { RemoteCallError, RpcClient, RpcError } from '@invigil/server-platform';

/** Sessions as the sessions service has them now, asked for before a roster transaction opens. */
@Injectable()
export class SessionLookup {
  constructor(private readonly rpc: RpcClient) {}

  async byCode(orgId: string, code: string): Promise<SessionView> {
    try {
      return await this.rpc.request(Requests.resolveEnrollmentCode, { orgId, code });
    } catch (error) {
      if (error instanceof RemoteCallError && error.body.code === RpcErrorCode.NotFound) {
        throw RpcError.notFound(`No session has the enrollment code "${code}". Check the code with your proctor.`);
      }
      throw error;
    }
  }

  async byId(orgId: string, sessionId: string): Promise<SessionView> {
    try {
      return await this.rpc.request(Requests.getSession, { orgId, sessionId });
    } catch (error) {
      if (error instanceof RemoteCallError && error.body.code === RpcErrorCode.NotFound) {
        throw RpcError.notFound(`No session ${sessionId} in this organization.`);
      }
      throw error;
    }
  }
}
