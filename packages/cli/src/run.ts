import { parseArgs } from './args';
import { diffCommand } from './commands/diff';
import { importCommand } from './commands/import';
import { manifestsCommand } from './commands/manifests';
import { renderCommand } from './commands/render';
import { upgradeCommand } from './commands/upgrade';
import { validateCommand } from './commands/validate';
import { ArgumentError, ExitCode, oneLine, UsageError } from './errors';
import { Io } from './io';
import { USAGE, USAGE_HINT } from './usage';

/**
 * The whole CLI, in-process and testable: parses `argv` (without node and script),
 * runs the command and returns the exit code. Never throws, never prints a stack trace.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    const args = parseArgs(argv);
    switch (args.kind) {
      case 'help':
        io.stdout.write(USAGE);
        return ExitCode.ok;
      case 'render':
        return await renderCommand(args, io);
      case 'manifests':
        return await manifestsCommand(args, io);
      case 'validate':
        return await validateCommand(args, io);
      case 'import':
        return await importCommand(args, io);
      case 'upgrade':
        return await upgradeCommand(args, io);
      case 'diff':
        return await diffCommand(args, io);
      default:
        throw new Error(`unhandled command ${JSON.stringify(args)}`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      const hint = error instanceof ArgumentError ? `${USAGE_HINT}\n` : '';
      io.stderr.write(`connect-skeleton: ${error.message}\n${hint}`);
      return ExitCode.badUsage;
    }
    io.stderr.write(`connect-skeleton: internal error: ${oneLine(error)}\n`);
    return ExitCode.internal;
  }
}
