import { ApiProperty } from '@nestjs/swagger';

export class ExportRequesterDto {
  @ApiProperty({ format: 'uuid', nullable: true })
  id!: string | null;

  @ApiProperty({ nullable: true, example: 'specialist@casework.localhost' })
  email!: string | null;
}

/** A requested export: built while it downloads, so always ready. */
export class ExportDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  ticketId!: string;

  @ApiProperty({ enum: ['ready'], description: 'always ready: the zip is built while it downloads' })
  status!: 'ready';

  @ApiProperty({ type: () => ExportRequesterDto })
  requestedBy!: ExportRequesterDto;

  @ApiProperty({ format: 'date-time' })
  createdAt!: Date;

  @ApiProperty({ example: '/api/v1/exports/1b4e28ba-2fa1-11d2-883f-0016d3cca427' })
  downloadUrl!: string;

  @ApiProperty({ example: '3f2a9c0d81e4b7a6', description: 'the signing key: the first 16 hex digits of the SHA-256 of its raw public key' })
  keyId!: string;
}

export class ExportPublicKeyDto {
  @ApiProperty({ enum: ['Ed25519'] })
  algorithm!: 'Ed25519';

  @ApiProperty({ example: '3f2a9c0d81e4b7a6' })
  keyId!: string;

  @ApiProperty({ description: 'the 32 raw bytes of the public key, base64' })
  publicKey!: string;

  @ApiProperty({ description: 'the same key as an SPKI PEM (openssl pkeyutl -verify -pubin -inkey … -rawin)' })
  publicKeyPem!: string;
}
