import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength } from 'class-validator';
import { lowerCase } from '../../common/validation-rules';

export class LoginDto {
  @ApiProperty({ example: 'admin@smartdesk.example' })
  @Transform(lowerCase)
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: 'a long passphrase' })
  @IsString()
  @MaxLength(200)
  password: string;
}
