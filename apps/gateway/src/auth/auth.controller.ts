import { Body, Controller, Get, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { Auth, CurrentPrincipal, Public } from './auth.decorators';
import { SESSION_COOKIE } from './authenticator.service';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import type { Principal } from './principal';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Sign in with email and password; returns a bearer token (JWT)' })
  @ApiOkResponse({ description: '{ accessToken, tokenType: "Bearer", expiresIn (s), user }' })
  @ApiBadRequestResponse({ description: 'email or password missing or malformed' })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password, or an inactive account' })
  async login(@Body() dto: LoginDto, @Res({ passthrough: true }) res: Response) {
    const signedIn = await this.auth.login(dto);
    res.cookie(SESSION_COOKIE, signedIn.accessToken, { httpOnly: true, sameSite: 'strict', path: '/', maxAge: signedIn.expiresIn * 1000 });
    return signedIn;
  }

  @Post('logout')
  @Public()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Sign out of the web app: clears the session cookie' })
  logout(@Res({ passthrough: true }) res: Response): void {
    res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', path: '/' });
  }

  @Get('me')
  @Auth()
  @ApiOperation({ summary: 'Who the credentials belong to: account, role, team and department' })
  me(@CurrentPrincipal() principal: Principal) {
    return principal;
  }
}
