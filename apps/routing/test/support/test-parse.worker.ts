// A parser worker for tests (MailParserPool's `workerUrl`, routing's MAIL_PARSER_TEST_WORKER):
// the real parseMail, except for raw messages whose first line asks it to misbehave.
//   X-Casework-Test-Hang: <ms>   spins the thread for <ms> without yielding (a pathological mail)
//   X-Casework-Test-Crash: exit  ends the worker thread mid-parse
//   X-Casework-Test-Crash: throw throws an uncaught exception from the parse
import { parseMail, serveMailParser } from '@casework/mail';

serveMailParser(async (raw, opts) => {
  const firstLine = /^X-Casework-Test-(Hang|Crash): *(\S+)\r?\n/.exec(raw.subarray(0, 200).toString('latin1'));
  if (firstLine?.[1] === 'Hang') {
    const until = Date.now() + Number(firstLine[2]);
    while (Date.now() < until) {
      // busy: the event loop of this thread never turns
    }
  } else if (firstLine?.[1] === 'Crash' && firstLine[2] === 'exit') {
    process.exit(3);
  } else if (firstLine?.[1] === 'Crash') {
    setImmediate(() => {
      throw new Error('test parser blew up');
    });
    await new Promise(() => undefined);
  }
  return parseMail(raw, opts);
});
