import {
  formatProblem,
  Problem,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { ExitCode } from './errors';
import { Io, writeLines } from './io';

/** The problems on stderr, so that stdout (a pipe, a file) never gets half an output. */
export function failWithProblems(io: Io, problems: readonly Problem[]): number {
  writeLines(io.stderr, problems.map(formatProblem));
  return ExitCode.badValues;
}
