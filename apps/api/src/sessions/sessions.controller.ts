import { Body, Controller, Delete, ForbiddenException, HttpCode, HttpStatus, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiHeader, ApiNoContentResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { noteChange } from '../audit/audit-context.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { Authenticator } from '../auth/authenticator.service.js';
import { CredentialFailures } from '../auth/credential-failures.service.js';
import { ErrorResponseDto } from '../common/error-response.dto.js';
import { CreateSessionDto, SessionDto } from './session.dto.js';
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
  ) {}

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
