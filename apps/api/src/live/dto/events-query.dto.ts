import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export const EVENT_ID = /^\d{1,15}$/;

export class EventsQueryDto {
  @ApiPropertyOptional({ description: 'Resume after this event id (a JetStream stream sequence), for clients that cannot send the Last-Event-ID header', example: '1042' })
  @IsOptional()
  @Matches(EVENT_ID, { message: 'must be an event id (a whole number)' })
  lastEventId?: string;
}
