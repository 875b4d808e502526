import { ApiProperty } from '@nestjs/swagger';
import { CAPABILITIES, ROLES, type Capability, type Role } from '@casework/domain';

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'sam@example.org' })
  email!: string;

  @ApiProperty({ example: 'Sam Specialist' })
  name!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ example: 'en' })
  locale!: string;

  @ApiProperty({ example: 'Europe/Berlin' })
  timeZone!: string;

  @ApiProperty()
  disabled!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  lastSeenAt!: string | null;
}

export class UserListDto {
  @ApiProperty({ type: () => [UserDto] })
  items!: UserDto[];
}

export class QueueGrantOfUserDto {
  @ApiProperty({ format: 'uuid' })
  queueId!: string;

  @ApiProperty({ example: 'child-protection' })
  slug!: string;

  @ApiProperty({ enum: ['read', 'write'] })
  level!: 'read' | 'write';
}

/** The caller: their user, role and queue grants. */
export class MeDto extends UserDto {
  @ApiProperty({ type: () => [QueueGrantOfUserDto] })
  grants!: QueueGrantOfUserDto[];

  @ApiProperty({ enum: CAPABILITIES, isArray: true, description: "The role's rights beyond tickets (what the web inbox offers)" })
  capabilities!: Capability[];
}
