import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class RoutingRuleDto {
  @ApiProperty({ format: 'uuid', description: "The team whose queue this category's triaged tickets go to" })
  @IsUUID()
  teamId: string;
}
