import { Module } from '@nestjs/common';
import { SmartdeskConfigModule } from '@smartdesk/config';
import { DatabaseModule } from '@smartdesk/database';
import { TeamsModule } from '../teams/teams.module';
import { UsersModule } from '../users/users.module';
import { DemoSeeder } from './demo-seeder.service';

/** Only what seeding needs: no queues, no HTTP. */
@Module({
  imports: [SmartdeskConfigModule, DatabaseModule, TeamsModule, UsersModule],
  providers: [DemoSeeder],
})
export class SeedModule {}
