import { Module } from '@nestjs/common';
import { InterviewsController } from './interviews.controller';
import { InterviewsService } from './interviews.service';

/** The journal of a file: interviews, their notes and their history. */
@Module({ controllers: [InterviewsController], providers: [InterviewsService], exports: [InterviewsService] })
export class InterviewsModule {}
