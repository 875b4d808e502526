import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Role } from '@casework/domain';

/** Who is calling: the user a presented credential speaks for. */
export interface Caller {
  userId: string;
  email: string;
  role: Role;
  /** The API token used, when it was one (not the bootstrap token, not OIDC). */
  tokenId: string | null;
  via: 'bootstrap' | 'token' | 'oidc';
}

/** `Authorization: Bearer <credential>`: the credential, or undefined. */
export function presentedBearer(request: Request): string | undefined {
  const header = request.headers.authorization;
  return typeof header === 'string' ? /^Bearer +([^\s]+) *$/i.exec(header)?.[1] : undefined;
}

const CALLER = Symbol('casework.caller');
type WithCaller = Request & { [CALLER]?: Caller };

export function setCaller(request: Request, caller: Caller): void {
  (request as WithCaller)[CALLER] = caller;
}

/** The authenticated caller; every non-public route has one (the access guard set it). */
export function callerOf(request: Request): Caller {
  const caller = (request as WithCaller)[CALLER];
  if (!caller) throw new Error('no caller on this request: is the route public in the access table?');
  return caller;
}

/** The caller as a handler parameter. */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => callerOf(context.switchToHttp().getRequest<Request>()));
