import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { Role } from '../enums';

/** Body of POST /api/auth/login, also the payload of enrollment.auth.login. */
export class LoginRequest {
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @IsString()
  @MinLength(1, { message: 'password must not be empty' })
  @MaxLength(200)
  password!: string;
}

export interface UserView {
  id: string;
  orgId: string;
  orgName: string;
  email: string;
  displayName: string;
  role: Role;
}

export interface LoginResponse {
  accessToken: string;
  expiresInSeconds: number;
  user: UserView;
}
