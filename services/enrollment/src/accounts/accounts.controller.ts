import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  GetUserRequest,
  LoginRequest,
  Requests,
  SearchUsersRequest,
  UserSearchPage,
  UserView,
} from '@invigil/contracts';
import { AccountsService } from './accounts.service';

@Controller()
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @MessagePattern(Requests.login)
  login(@Payload() request: LoginRequest): Promise<UserView> {
    return this.accounts.login(request);
  }

  @MessagePattern(Requests.searchUsers)
  search(@Payload() request: SearchUsersRequest): Promise<UserSearchPage> {
    return this.accounts.search(request);
  }

  @MessagePattern(Requests.getUser)
  getUser(@Payload() request: GetUserRequest): Promise<UserView> {
    return this.accounts.getUser(request);
  }
}
