import { EventPattern } from '@nestjs/microservices';
import type { EventEnvelope, EventSubject } from '@casework/contracts';
import type { JetStreamHandlerExtras } from './jetstream.server.js';

/** A handler method of subject S: it takes S's envelope (checked by the transport on receipt). */
type EventHandlerMethod<S extends EventSubject> = (event: EventEnvelope<S>) => unknown;

/**
 * `@EventPattern` tied to the event map: the method's parameter must be the envelope of this
 * subject, so a handler annotated with another subject's payload fails to compile.
 */
export function OnEvent<S extends EventSubject>(subject: S, extras?: JetStreamHandlerExtras) {
  return <M extends EventHandlerMethod<S>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<M>): void => {
    EventPattern(subject, extras)(target, key, descriptor);
  };
}
