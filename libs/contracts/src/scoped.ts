import { IsUUID } from 'class-validator';

/**
 * Every request between parts names the organization it acts in. The gateway sets it from the
 * caller's token, never from the request body, so one organization never reaches another's data.
 */
export class OrgScopedRequest {
  @IsUUID()
  orgId!: string;
}

/** A request made on behalf of a signed-in user (the actor). */
export class ActorScopedRequest extends OrgScopedRequest {
  @IsUUID()
  actorId!: string;
}
