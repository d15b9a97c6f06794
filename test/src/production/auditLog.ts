import { AuditLine } from '../scaffolder/capturedLog';

/**
 * The audit events in a replica's own output. Backstage's default auditor writes them through
 * the plugin's logger with `isAuditEvent: true`; a replica started as `npm run start:backend`
 * starts it (NODE_ENV development) prints each log line as
 *
 *     <timestamp> <plugin> <level> <message> key=<JSON> key=<JSON> ...
 *
 * (colours already removed), the audit event's fields starting at `isAuditEvent=true`. A failed
 * event is logged with its error, which winston appends to the message (`<plugin>.<eventId>
 * <error message>`, possibly over several lines) and whose stack becomes a `stack` field.
 */

const RECORD_START = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/;
const AUDIT_MARK = ' isAuditEvent=true';

/** The audit events of `log`, in order, optionally only those of one event id. */
export function auditEventsInLog(log: string, eventId?: string): AuditLine[] {
  return logRecords(log)
    .map(parseAuditRecord)
    .filter((event): event is AuditLine => !!event)
    .filter(event => !eventId || event.eventId === eventId);
}

/** The log's lines, with the lines that continue a record (a multi-line message) joined to it. */
function logRecords(log: string): string[] {
  const records: string[] = [];
  for (const line of log.split('\n')) {
    if (RECORD_START.test(line) || !records.length) records.push(line);
    else records[records.length - 1] += `\n${line}`;
  }
  return records;
}

function parseAuditRecord(record: string): AuditLine | undefined {
  const mark = record.indexOf(AUDIT_MARK);
  if (mark < 0) return undefined;
  const head = /^(\S+) (\S+) (\S+) ([\s\S]*)$/.exec(record.slice(0, mark));
  // The fields end their line (JSON has no raw line breaks); what follows is other output.
  const fields = parseFields(record.slice(mark + 1).split('\n')[0]);
  if (!head || !fields) return undefined;
  const [, , plugin, , message] = head;
  const eventId = String(fields.eventId);
  const title = `${plugin}.${eventId}`;
  return {
    plugin,
    eventId,
    status: fields.status as AuditLine['status'],
    severityLevel: String(fields.severityLevel),
    actorId: (fields.actor as { actorId?: string } | undefined)?.actorId,
    meta: fields.meta as Record<string, any> | undefined,
    // The error's message, after the event's own `<plugin>.<eventId>`.
    error: message.startsWith(`${title} `)
      ? message.slice(title.length + 1)
      : undefined,
  };
}

/**
 * `key=<JSON> key=<JSON> ...` (a value printed as `undefined` is undefined). A JSON string may
 * hold ` other=`: every place a value could end is tried until the rest parses too.
 */
function parseFields(text: string): Record<string, unknown> | undefined {
  if (text === '') return {};
  const key = /^(\w+)=/.exec(text);
  if (!key) return undefined;
  const start = key[0].length;
  const ends = [...text.slice(start).matchAll(/ (?=\w+=)/g)].map(
    m => start + m.index!,
  );
  for (const end of [...ends, text.length]) {
    const value = parseValue(text.slice(start, end));
    if (!value) continue;
    const rest = parseFields(text.slice(end + 1));
    if (rest) return { [key[1]]: value.value, ...rest };
  }
  return undefined;
}

function parseValue(text: string): { value: unknown } | undefined {
  if (text === 'undefined') return { value: undefined };
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}
