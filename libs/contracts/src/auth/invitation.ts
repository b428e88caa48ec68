import { IsString, Matches } from 'class-validator';
import type { LoginResponse, UserView } from './login';

/** Body of POST /api/auth/invitation, also the payload of enrollment.auth.redeem-invitation. */
export class RedeemInvitationRequest {
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{20,100}$/, { message: 'token must be the code from the invitation link' })
  token!: string;
}

/** The invited user (the gateway issues their access token) and the session they were invited to. */
export interface InvitationRedemption {
  user: UserView;
  sessionId: string;
}

export interface InvitationLoginResponse extends LoginResponse {
  sessionId: string;
}
