import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { ApiSettings } from '@casework/config';
import { API_TOKEN } from './api-token.constants.js';
import { Authenticator } from './authenticator.service.js';
import { OidcVerifier } from './oidc-verifier.js';
import { CredentialFailures } from './credential-failures.service.js';
import { WEB_SESSION_POLICY, WebSessions } from '../sessions/web-sessions.service.js';
import { OIDC_CLIENT_SETTINGS, OidcSignIn } from '../sessions/oidc-sign-in.service.js';

/** Who a credential (bearer or web session cookie) speaks for: the guard asks per request, a long-lived stream asks again while it lasts. */
@Global()
@Module({})
export class AuthModule {
  static register(config: ApiSettings): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        { provide: API_TOKEN, useValue: config.API_BOOTSTRAP_TOKEN },
        { provide: OidcVerifier, useValue: new OidcVerifier({ issuer: config.OIDC_ISSUER, audience: config.OIDC_AUDIENCE, jwksUrl: config.OIDC_JWKS_URL }) },
        { provide: WEB_SESSION_POLICY, useValue: { idleMs: config.WEB_SESSION_IDLE_MINUTES * 60_000, maxMs: config.WEB_SESSION_MAX_HOURS * 3_600_000 } },
        { provide: OIDC_CLIENT_SETTINGS, useValue: { clientId: config.OIDC_CLIENT_ID ?? config.OIDC_AUDIENCE, clientSecret: config.OIDC_CLIENT_SECRET, redirectUrl: config.OIDC_REDIRECT_URL } },
        WebSessions,
        CredentialFailures,
        Authenticator,
        OidcSignIn,
      ],
      exports: [Authenticator, WebSessions, CredentialFailures, OidcSignIn],
    };
  }
}
