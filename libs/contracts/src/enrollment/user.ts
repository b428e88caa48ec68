import { IsUUID } from 'class-validator';
import { OrgScopedRequest } from '../scoped';

export class GetUserRequest extends OrgScopedRequest {
  @IsUUID()
  userId!: string;
}
