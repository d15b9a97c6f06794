import {
  coreServices,
  createServiceFactory,
  RootLoggerService,
  ServiceFactory,
} from '@backstage/backend-plugin-api';

/**
 * A root logger that keeps every line, so that a test reads what a real backend writes:
 * Backstage's default auditor writes audit events through the plugin's logger, as lines whose
 * fields carry `isAuditEvent: true` (a log pipeline picks them out by that field).
 */

export interface LogLine {
  level: 'error' | 'warn' | 'info' | 'debug';
  message: string;
  /** The child loggers' fields and the line's own, merged. */
  fields: Record<string, unknown>;
  /** The message of the error a line was logged with (a failed audit event). */
  error?: string;
}

/** An audit event as the default auditor logs it: `<plugin>.<eventId>`, with its fields. */
export interface AuditLine {
  plugin: string;
  eventId: string;
  status: 'initiated' | 'succeeded' | 'failed';
  severityLevel: string;
  actorId?: string;
  meta?: Record<string, any>;
  error?: string;
}

class CapturingLogger implements RootLoggerService {
  constructor(
    private readonly lines: LogLine[],
    private readonly fields: Record<string, unknown>,
  ) {}

  error(message: string, meta?: Error | object) {
    this.write('error', message, meta);
  }
  warn(message: string, meta?: Error | object) {
    this.write('warn', message, meta);
  }
  info(message: string, meta?: Error | object) {
    this.write('info', message, meta);
  }
  debug(message: string, meta?: Error | object) {
    this.write('debug', message, meta);
  }
  child(meta: object): CapturingLogger {
    return new CapturingLogger(this.lines, { ...this.fields, ...meta });
  }

  private write(level: LogLine['level'], message: string, meta?: object) {
    if (meta instanceof Error) {
      this.lines.push({
        level,
        message,
        fields: { ...this.fields },
        error: meta.message,
      });
    } else {
      this.lines.push({ level, message, fields: { ...this.fields, ...meta } });
    }
  }
}

export interface CapturedLog {
  /** Replaces the test backend's root logger. */
  factory: ServiceFactory<RootLoggerService, 'root'>;
  lines: LogLine[];
  /** The audit events logged so far, optionally only those of one event id. */
  auditEvents(eventId?: string): AuditLine[];
}

export function captureLog(): CapturedLog {
  const lines: LogLine[] = [];
  const root = new CapturingLogger(lines, {});
  return {
    factory: createServiceFactory({
      service: coreServices.rootLogger,
      deps: {},
      factory: () => root,
    }),
    lines,
    auditEvents: eventId =>
      lines
        .filter(line => line.fields.isAuditEvent === true)
        .map(line => ({
          plugin: String(line.fields.plugin),
          eventId: String(line.fields.eventId),
          status: line.fields.status as AuditLine['status'],
          severityLevel: String(line.fields.severityLevel),
          actorId: (line.fields.actor as { actorId?: string } | undefined)
            ?.actorId,
          meta: line.fields.meta as Record<string, any> | undefined,
          error: line.error,
        }))
        .filter(event => !eventId || event.eventId === eventId),
  };
}
