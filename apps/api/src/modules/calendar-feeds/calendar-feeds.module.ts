import { Module } from '@nestjs/common';
import { CalendarController, CalendarFeedController } from './calendar-feeds.controller';
import { CalendarFeedsService } from './calendar-feeds.service';

@Module({ controllers: [CalendarFeedController, CalendarController], providers: [CalendarFeedsService] })
export class CalendarFeedsModule {}
