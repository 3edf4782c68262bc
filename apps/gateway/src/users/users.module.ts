import { Module } from '@nestjs/common';
import { RoutingModule } from '@smartdesk/operations';
import { PasswordHasher } from '../auth/password-hasher.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [RoutingModule],
  controllers: [UsersController],
  providers: [UsersService, PasswordHasher],
  exports: [UsersService, PasswordHasher],
})
export class UsersModule {}
