/**
 * An attachment as Casework keeps it: what the mail side makes of a parsed attachment
 * (libs/mail `storableAttachment`) and what storage writes (libs/database). `content` is null
 * when the bytes are not kept, and `omittedReason` then says why.
 */
export interface StorableAttachment {
  filename: string;
  declaredContentType: string;
  /** What the bytes are, by their magic numbers; null when they match nothing we know. */
  sniffedContentType: string | null;
  size: number;
  sha256: string;
  /** Hex MD5 of the bytes, for hash lists that give MD5 values. */
  md5: string;
  contentId: string | null;
  inline: boolean;
  content: Buffer | null;
  /** Why `content` is null; null when it is stored. */
  omittedReason: string | null;
}
