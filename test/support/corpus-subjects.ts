/**
 * Corpus files whose Subject is in an exotic charset, with the subject a reader should see.
 * The expected strings were decoded independently of our parser (Python's email.header and
 * codecs), not copied from its output.
 */
export const KNOWN_SUBJECTS: readonly { charset: string; path: string; subject: string }[] = [
  { charset: 'ISO-2022-JP (B encoded word, folded)', path: 'mimekit/UnitTests/TestData/messages/japanese.txt', subject: '日本語メールテスト (testing Japanese emails)' },
  { charset: 'UTF-8 (B encoded word)', path: 'mikel-mail/spec/fixtures/emails/multi_charset/japanese_iso_2022.eml', subject: 'まみむめも' },
  { charset: 'EUC-KR', path: 'mikel-mail/spec/fixtures/emails/plain_emails/raw_email.eml', subject: 'NOTE: 한국말로 하는 것' },
  { charset: 'windows-1251 (Q encoded words)', path: 'php-mime-mail-parser/tests/mails/m0021', subject: 'occurs when divided into an array, and the last e of the array! Путін хуйло!!!!!!' },
  { charset: 'windows-1250 (Q encoded words)', path: 'php-mime-mail-parser/tests/mails/issue212', subject: 'Automatyczna odpowiedź: Piotrze, test z 6 miesięcy nauki ciągle na Ciebie czeka' },
  { charset: 'ISO-8859-15', path: 'misc/rt/t/data/emails/8859-15-message-series/msg1', subject: 'test äöüßÄÖÜß€' },
  { charset: 'GB18030', path: 'misc/rt/t/data/emails/new-ticket-from-gb18030', subject: '测试' },
  { charset: 'raw 8-bit windows-1252, undeclared', path: 'mikel-mail/spec/fixtures/emails/error_emails/invalid_subject_characters.eml', subject: 'Formação FrenetikPolis: Mega Campanha Final Verão | Cursos de Setembro' },
];
