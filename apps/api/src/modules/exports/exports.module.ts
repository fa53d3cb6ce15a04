import { Module } from '@nestjs/common';
import { DashboardModule } from '../dashboard/dashboard.module';
import { ExportsController } from './exports.controller';

@Module({ imports: [DashboardModule], controllers: [ExportsController] })
export class ExportsModule {}
