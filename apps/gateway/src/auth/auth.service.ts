import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Environment } from '@smartdesk/config';
import { UserEntity } from '@smartdesk/database';
import { PasswordHasher } from '../users/password-hasher.service';
import type { TokenClaims } from './authenticator.service';
import { LoginDto } from './dto/login.dto';

export interface SignedIn {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: UserEntity;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly env: Environment,
  ) {}

  /** One answer for an unknown email, a wrong password and an inactive account: nothing to learn from it. */
  async login(dto: LoginDto): Promise<SignedIn> {
    const found = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: dto.email })
      .getOne();
    const matches = await this.hasher.verify(found?.passwordHash ?? null, dto.password);
    if (!found || !matches || !found.active) throw new UnauthorizedException('wrong email or password');
    const { passwordHash: _secret, ...user } = found;
    const accessToken = await this.jwt.signAsync({ sub: found.id } satisfies TokenClaims);
    return { accessToken, tokenType: 'Bearer', expiresIn: this.env.JWT_TTL_SECONDS, user: user as UserEntity };
  }
}
