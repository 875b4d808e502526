import { ApiProperty } from '@nestjs/swagger';
import type { ViewerRecord } from '@casework/database';
import { UserRefDto } from '../../tickets/dto/ticket.dto.js';
import { PRESENCE_STATES } from './presence.dto.js';

/** Someone whose presence heartbeat on the ticket has not expired. */
export class ViewerDto {
  @ApiProperty({ type: () => UserRefDto }) user!: UserRefDto;
  @ApiProperty({ enum: PRESENCE_STATES }) state!: string;
  @ApiProperty({ format: 'date-time', description: 'Since when in this state' }) since!: string;
}

export function toViewerDto(viewer: ViewerRecord): ViewerDto {
  return { user: { ...viewer.user }, state: viewer.state, since: viewer.since.toISOString() };
}
