import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { PresenceState } from '@casework/database';

export const PRESENCE_STATES: readonly PresenceState[] = ['viewing', 'replying'];

/** One heartbeat of a viewer; sent again before the presence expires. */
export class PresenceDto {
  @ApiProperty({ enum: PRESENCE_STATES })
  @IsIn(PRESENCE_STATES)
  state!: PresenceState;
}
