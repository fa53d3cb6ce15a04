import { Module } from '@nestjs/common';
import { DashboardModule } from '../dashboard/dashboard.module';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

@Module({ imports: [DashboardModule], controllers: [ExportsController], providers: [ExportsService] })
export class ExportsModule {}
