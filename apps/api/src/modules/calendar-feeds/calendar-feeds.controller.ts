import { Controller, Delete, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CalendarFeedStatus, CreatedCalendarFeed } from '@ccas/shared';
import { Public, Requires } from '../../auth/access.decorator';
import { responseOf } from '../../common/openapi';
import { CalendarFeedsService } from './calendar-feeds.service';

/** The member's own subscription address (ICS) for their agenda. */
@ApiTags('calendar-feed')
@Controller('calendar-feed')
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedsService) {}

  @Requires('appointment:read')
  @Get()
  @ApiOkResponse(responseOf(CalendarFeedStatus))
  status() {
    return this.feeds.status();
  }

  /** Creates the address, or replaces it (the previous one stops working). Shown only in this answer. */
  @Requires('appointment:read')
  @Post()
  @ApiCreatedResponse(responseOf(CreatedCalendarFeed))
  create() {
    return this.feeds.create();
  }

  @Requires('appointment:read')
  @Delete()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Adresse révoquée' })
  @ApiNotFoundResponse({ description: 'Aucune adresse active' })
  async revoke(): Promise<void> {
    await this.feeds.revoke();
  }
}

/** What calendar applications fetch: no login, the secret address is the credential. */
@ApiTags('calendar-feed')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly feeds: CalendarFeedsService) {}

  @Public()
  @Get(':token.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, no-cache')
  @Header('Referrer-Policy', 'no-referrer')
  @Header('X-Robots-Tag', 'noindex')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'iCalendar (RFC 5545)' })
  @ApiNotFoundResponse({ description: 'Adresse inconnue ou révoquée' })
  feed(@Param('token') token: string): Promise<string> {
    return this.feeds.feed(token);
  }
}
