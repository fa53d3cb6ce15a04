import { Controller, Get, ServiceUnavailableException, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../../auth/access.decorator';
import { PrismaService } from '../../database/prisma.service';

@ApiTags('health')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(private readonly prisma: PrismaService) {}

  /** Liveness and database reachability, for load balancers and the benchmark baseline. */
  @Public()
  @Get()
  @ApiOkResponse({ schema: { example: { status: 'ok', database: 'ok' } } })
  async check(): Promise<{ status: 'ok'; database: 'ok' }> {
    try {
      await this.prisma.$queryRaw`SELECT 1`;
    } catch {
      throw new ServiceUnavailableException({ detail: 'La base de données est injoignable.' });
    }
    return { status: 'ok', database: 'ok' };
  }
}
