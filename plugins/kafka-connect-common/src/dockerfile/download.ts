import { command, SimpleCommand } from './shellCommands';

/**
 * The one curl invocation every download uses: fail on HTTP errors (-f), quiet but
 * with errors shown (-sS), follow redirects (-L), retry transient failures. `--url`
 * takes the URL as an option value, so even a URL starting with "-" is never read
 * as an option.
 */
export function download(url: string, outputFile: string): SimpleCommand {
  return command(
    'curl',
    '-fsSL',
    '--retry',
    '5',
    '--retry-delay',
    '2',
    '--retry-connrefused',
    '--output',
    outputFile,
    '--url',
    url,
  );
}
