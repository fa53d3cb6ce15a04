import { Global, Module } from '@nestjs/common';
import { TenantDb } from '../tenancy/tenant-db.service';
import { PrismaService } from './prisma.service';

@Global()
@Module({ providers: [PrismaService, TenantDb], exports: [PrismaService, TenantDb] })
export class DatabaseModule {}
