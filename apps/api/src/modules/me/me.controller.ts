import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Me } from '@ccas/shared';
import { z } from 'zod';
import { Authenticated } from '../../auth/access.decorator';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/current-user.decorator';

@ApiTags('me')
@Controller('me')
export class MeController {
  /** Who I am here: identity, tenant, roles and the permissions they grant. */
  @Authenticated()
  @Get()
  @ApiOkResponse({ schema: z.toJSONSchema(Me) as object })
  me(@CurrentUser() user: AuthUser): Me {
    return {
      id: user.membershipId,
      email: user.email,
      firstName: user.firstName,
      lastName: user.lastName,
      tenant: { id: user.tenantId, name: user.tenantName },
      roles: user.roles,
      permissions: user.permissions,
      sites: user.sites,
      otherTenants: user.otherTenants,
    };
  }
}
