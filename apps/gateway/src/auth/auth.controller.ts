import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Environment } from '@smartdesk/config';
import { RateLimit } from '../rate-limits/rate-limit.decorator';
import { Auth, CurrentPrincipal, Public } from './auth.decorators';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import type { Principal } from './principal';
import { clearSessionCookie, setSessionCookie } from './session-cookie';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly env: Environment,
  ) {}

  @Post('login')
  @Public()
  @RateLimit('login-ip', 'login-email')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Sign in with email and password; returns a bearer token (JWT) and sets it as the httpOnly sd_session cookie for the web app' })
  @ApiOkResponse({ description: '{ accessToken, tokenType: "Bearer", expiresIn (s), user }; Set-Cookie sd_session' })
  @ApiBadRequestResponse({ description: 'email or password missing or malformed' })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password, or an inactive account' })
  async login(@Body() dto: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const signedIn = await this.auth.login(dto);
    setSessionCookie(request, response, this.env, signedIn.accessToken);
    return signedIn;
  }

  @Post('logout')
  @Auth()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Sign out: the token used (bearer or cookie) stops working at once, and the sd_session cookie is cleared' })
  @ApiNoContentResponse({ description: 'Signed out' })
  @ApiBadRequestResponse({ description: 'Called with an API key (revoke the key instead)' })
  async logout(@CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.auth.logout(principal);
    clearSessionCookie(request, response, this.env);
  }

  @Get('me')
  @Auth()
  @ApiOperation({ summary: 'Who the credentials belong to: account, role, team and department (works with the sd_session cookie)' })
  me(@CurrentPrincipal() principal: Principal) {
    return principal;
  }
}
