import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../common/validation-rules';

export class CreateTeamDto {
  @ApiProperty({ example: 'Billing', maxLength: 100 })
  @IsString()
  @IsNotBlank()
  @MaxLength(100)
  name: string;

  @ApiProperty({ example: 'Customer Care', maxLength: 100, description: "Managers oversee their team's department" })
  @IsString()
  @IsNotBlank()
  @MaxLength(100)
  department: string;
}
