import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ErrorResponseDto {
  @ApiProperty({ example: 404 })
  statusCode!: number;

  @ApiProperty({ example: 'Not Found' })
  error!: string;

  @ApiProperty({ example: 'ticket "…" not found' })
  message!: string;

  @ApiPropertyOptional({ example: 'TicketNotFound', description: 'Domain error code, when there is one' })
  code?: string;
}

export class ValidationErrorResponseDto {
  @ApiProperty({ example: 400 })
  statusCode!: number;

  @ApiProperty({ example: 'Bad Request' })
  error!: string;

  @ApiProperty({ example: 'Validation failed: status' })
  message!: string;

  @ApiProperty({
    description: 'Offending fields (nested names dotted) and their problems',
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    example: { status: ['status must be one of the following values: open, pending, resolved, closed'] },
  })
  fields!: Record<string, string[]>;
}
