import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export const MAX_REPLY_LENGTH = 100_000;

export class CreateReplyDto {
  @ApiProperty({ description: 'Plain-text reply to the requester', minLength: 1, maxLength: MAX_REPLY_LENGTH })
  @IsString()
  @MaxLength(MAX_REPLY_LENGTH)
  @Matches(/\S/, { message: 'body must not be empty' })
  body!: string;
}

export class ReplyAcceptedDto {
  @ApiProperty({ format: 'uuid', description: 'The queued outbound message; the template-reply service sends it' })
  outboundId!: string;
}
