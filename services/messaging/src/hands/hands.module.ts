import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { HandsController } from './hands.controller';
import { HandsService } from './hands.service';

/** Raised hands, one state per participant. */
@Module({ imports: [PeopleModule], controllers: [HandsController], providers: [HandsService] })
export class HandsModule {}
