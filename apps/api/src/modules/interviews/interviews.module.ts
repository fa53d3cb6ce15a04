import { Module } from '@nestjs/common';
import { InterviewsController } from './interviews.controller';
import { InterviewsService } from './interviews.service';
import { TimelineController } from './timeline.controller';
import { TimelineService } from './timeline.service';

/** The journal of a file: interviews, their history, and the file's timeline. */
@Module({ controllers: [InterviewsController, TimelineController], providers: [InterviewsService, TimelineService] })
export class InterviewsModule {}
