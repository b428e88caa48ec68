import { Module } from '@nestjs/common';
import { SessionPeople } from './session-people';

/** Accounts and rosters as messaging needs them (asked of the enrollment service). */
@Module({ providers: [SessionPeople], exports: [SessionPeople] })
export class PeopleModule {}
