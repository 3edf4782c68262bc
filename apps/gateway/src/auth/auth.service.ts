import { BadRequestException, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Environment } from '@smartdesk/config';
import { UserEntity } from '@smartdesk/database';
import { PasswordHasher } from './password-hasher.service';
import type { TokenClaims } from './authenticator.service';
import { LoginDto } from './dto/login.dto';
import type { Principal } from './principal';

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
    const found = await this.dataSource.getRepository(UserEntity).createQueryBuilder('u').addSelect(['u.passwordHash', 'u.sessionVersion']).where('u.email = :email', { email: dto.email }).getOne();
    const matches = await this.hasher.verify(found?.passwordHash ?? null, dto.password);
    if (!found || !matches || !found.active) throw new UnauthorizedException('wrong email or password');
    const { passwordHash: _secret, sessionVersion, ...user } = found;
    // expiresIn (JwtModule's signOptions) sets `exp` on every token; the jti lets one token be signed out.
    const accessToken = await this.jwt.signAsync({ sub: found.id, ver: sessionVersion, jti: randomUUID() } satisfies TokenClaims);
    return { accessToken, tokenType: 'Bearer', expiresIn: this.env.JWT_TTL_SECONDS, user: user as UserEntity };
  }

  /** Ends the token the request came with; it stays refused until it would have expired anyway. */
  async logout(principal: Principal): Promise<void> {
    if (!principal.session) throw new BadRequestException('an API key does not sign out: revoke it with DELETE /api/api-keys/:id');
    const { jti, expiresAt } = principal.session;
    await this.dataSource.query(`INSERT INTO revoked_tokens (jti, user_id, expires_at) VALUES ($1, $2, $3) ON CONFLICT (jti) DO NOTHING`, [jti, principal.userId, expiresAt]);
    // Expired tokens are refused by their signature's exp: their rows are no longer needed.
    await this.dataSource.query(`DELETE FROM revoked_tokens WHERE expires_at < now()`);
  }
}
