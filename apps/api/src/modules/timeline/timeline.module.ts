import { Module } from '@nestjs/common';
import { InterviewsModule } from '../interviews/interviews.module';
import { ProceduresModule } from '../procedures/procedures.module';
import { TimelineController } from './timeline.controller';
import { TimelineService } from './timeline.service';

/** The file's timeline, merged from the journal and the procedures. */
@Module({ imports: [InterviewsModule, ProceduresModule], controllers: [TimelineController], providers: [TimelineService] })
export class TimelineModule {}
