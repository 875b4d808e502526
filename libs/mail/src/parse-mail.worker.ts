// Entry point of MailParserPool's worker threads (resolved from the compiled pool in dist/).
import { serveMailParser } from './mail-parser-worker.js';
import { parseMail } from './parse-mail.js';

serveMailParser(parseMail);
