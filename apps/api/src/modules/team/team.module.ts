import { Module } from '@nestjs/common';
import { MembersService } from './members.service';
import { SitesService } from './sites.service';
import { TeamController } from './team.controller';

@Module({ controllers: [TeamController], providers: [MembersService, SitesService] })
export class TeamModule {}
