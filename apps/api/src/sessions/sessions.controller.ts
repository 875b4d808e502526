import { Body, Controller, Delete, ForbiddenException, Get, HttpCode, HttpStatus, Inject, NotFoundException, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiHeader, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { noteChange } from '../audit/audit-context.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { Authenticator } from '../auth/authenticator.service.js';
import { CredentialFailures } from '../auth/credential-failures.service.js';
import { ErrorResponseDto } from '../common/error-response.dto.js';
import { clearedOidcFlowCookie, oidcFlowCookie, presentedOidcFlow } from './oidc-flow-cookie.js';
import { OidcSignIn, type OidcCallback } from './oidc-sign-in.service.js';
import { CreateSessionDto, SessionDto, SignInMethodsDto } from './session.dto.js';
import { clearedSessionCookie, CSRF_HEADER, CSRF_HEADER_VALUE, lacksCsrfHeader, presentedSession, sessionCookie } from './session-cookie.js';
import { WebSessions } from './web-sessions.service.js';

/**
 * The web inbox's sign-in: a token is exchanged once for an HttpOnly session cookie, so the page
 * never keeps it. The exchange is a public route (the token in the body is the credential),
 * so it records its own audit event.
 */
@ApiTags('sessions')
@Controller('sessions')
export class SessionsController {
  constructor(
    @Inject(Authenticator) private readonly authenticator: Authenticator,
    @Inject(WebSessions) private readonly sessions: WebSessions,
    @Inject(CredentialFailures) private readonly failures: CredentialFailures,
    @Inject(AuditTrail) private readonly trail: AuditTrail,
    @Inject(OidcSignIn) private readonly oidc: OidcSignIn,
  ) {}

  @Get('methods')
  @ApiOperation({ summary: 'How the web inbox may sign in: a personal API token always, single sign-on when OIDC is configured' })
  @ApiOkResponse({ type: SignInMethodsDto })
  methods(): SignInMethodsDto {
    return { token: true, oidc: this.oidc.enabled };
  }

  @Get('oidc')
  @ApiOperation({ summary: "Single sign-on: redirects to the issuer's authorization endpoint (code + PKCE S256, state, nonce; the flow's secrets in an HttpOnly, SameSite=Lax cookie for 10 minutes)" })
  @ApiResponse({ status: HttpStatus.FOUND, description: "To the issuer; to /?signIn=failed when its discovery document cannot be read" })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Single sign-on is not configured' })
  async startOidc(@Req() request: Request, @Res() response: Response): Promise<void> {
    if (!this.oidc.enabled) throw new NotFoundException('single sign-on is not configured (OIDC_ISSUER and OIDC_CLIENT_ID)');
    const started = await this.oidc.start(originOf(request));
    if (!started) return response.redirect(HttpStatus.FOUND, '/?signIn=failed');
    response.setHeader('Set-Cookie', oidcFlowCookie(started.flow, request.secure));
    response.redirect(HttpStatus.FOUND, started.location);
  }

  @Get('oidc/callback')
  @ApiOperation({ summary: "Single sign-on's return from the issuer: checks state, exchanges the code, verifies the id_token and its nonce, opens the session of an enabled user with that e-mail" })
  @ApiResponse({ status: HttpStatus.SEE_OTHER, description: 'To / with the session cookie; to /?signIn=failed (a bad or stale flow, a refused code or id_token) or /?signIn=unknown (no enabled user has the e-mail) without one' })
  @ApiQuery({ name: 'code', required: false, description: 'The authorization code' })
  @ApiQuery({ name: 'state', required: false, description: 'Must be the flow cookie’s' })
  @ApiQuery({ name: 'error', required: false, description: 'The issuer’s refusal (e.g. access_denied)' })
  async finishOidc(@Query() query: OidcCallback, @Req() request: Request, @Res() response: Response): Promise<void> {
    const outcome = this.oidc.enabled ? await this.oidc.finish(request, query, presentedOidcFlow(request), originOf(request)) : ({ kind: 'failed' } as const);
    // The flow is used up whatever came of it: a second callback with the same state fails.
    const cookies = [clearedOidcFlowCookie(request.secure)];
    if (outcome.kind === 'signedIn') cookies.push(sessionCookie(outcome.sessionId, outcome.maxAgeSeconds, request.secure));
    response.setHeader('Set-Cookie', cookies);
    response.redirect(HttpStatus.SEE_OTHER, outcome.kind === 'signedIn' ? '/' : `/?signIn=${outcome.kind}`);
  }

  @Post()
  @ApiOperation({ summary: 'Sign in to the web inbox: exchange a personal API token for a session cookie (HttpOnly, SameSite=Strict, Path=/api)' })
  @ApiHeader({ name: 'X-Casework-CSRF', required: true, description: `Must be ${CSRF_HEADER_VALUE}, as on every change made with the cookie` })
  @ApiCreatedResponse({ type: SessionDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'CsrfHeaderMissing' })
  async create(@Body() body: CreateSessionDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionDto> {
    // Without it, another site could sign a browser in as the attacker (login CSRF).
    if (lacksCsrfHeader(request)) throw new ForbiddenException({ statusCode: HttpStatus.FORBIDDEN, error: 'Forbidden', code: 'CsrfHeaderMissing', message: `signing in needs the ${CSRF_HEADER} header` });
    const caller = await this.authenticator.authenticate(body.token);
    if (!caller) return this.failures.refuse(request, 'the token is not valid');
    const session = await this.sessions.open(caller);
    response.setHeader('Set-Cookie', sessionCookie(session.id, this.sessions.maxAgeSeconds, request.secure));
    await this.trail.record(request, caller, { action: 'session.created', subject: `session:${session.sessionRowId}`, ticketIds: [], queueId: null, details: { via: caller.via, tokenId: caller.tokenId } });
    return { user: { id: caller.userId, email: caller.email, role: caller.role }, expiresAt: session.expiresAt.toISOString() };
  }

  @Delete()
  @ApiOperation({ summary: 'Sign out: ends the session of the cookie sent and clears it (with a bearer token and no cookie, nothing to end)' })
  @ApiNoContentResponse()
  @HttpCode(HttpStatus.NO_CONTENT)
  async end(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    const session = presentedSession(request);
    const ended = session !== undefined && (await this.sessions.end(session));
    noteChange({ subject: 'session:current', details: { ended } });
    response.setHeader('Set-Cookie', clearedSessionCookie(request.secure));
  }
}

/** The origin the browser used (behind a trusted proxy, its forwarded scheme): where the callback is when OIDC_REDIRECT_URL is unset. */
function originOf(request: Request): string {
  return `${request.protocol}://${request.get('host') ?? 'localhost'}`;
}
