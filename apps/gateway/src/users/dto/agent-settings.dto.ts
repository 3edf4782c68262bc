import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsNotBlank, IsOmittable } from '../../common/validation-rules';

/** Routing settings of an agent and the service tier of a customer, set with the account. */
export class AgentSettingsDto {
  @ApiPropertyOptional({ type: [String], example: ['billing', 'returns_refunds'], description: "Categories the agent handles; empty: any category of the agent's team" })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @Matches(/^[a-z0-9_]{1,64}$/, { each: true, message: 'each skill must be a category id (lower_snake_case)' })
  skills?: string[];

  @ApiPropertyOptional({ minimum: 0, maximum: 1000, default: 10, description: 'Most unfinished tickets routing assigns to the agent at once' })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(1000)
  capacity?: number;

  @ApiPropertyOptional({ example: 'vip', default: 'standard', description: "A customer's service tier (escalation rules may treat some tiers first)" })
  @IsOmittable()
  @IsString()
  @IsNotBlank()
  @MaxLength(32)
  tier?: string;
}
