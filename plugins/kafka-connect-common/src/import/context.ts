import { Problem } from '../problems';
import { StrimziRelease } from '../strimzi/releases';
import { Checksums } from './checksums';
import { Original, Path } from './original';
import { Trace } from './trace';

/** What `connect-skeleton import` is told besides the file. */
export interface ImportOptions {
  /** The owning team or person (`group:default/data-platform`): the file cannot say. */
  owner: string;
  /** The namespace, when the file has none or the cluster moves. */
  namespace?: string;
  /** The target Strimzi release; the newest supported when not given. */
  strimzi?: string;
  /** SHA-512 checksums by URL, for artifacts that have none (see parseChecksums). */
  checksums?: Checksums;
  /** How the messages name the inputs above: the CLI's flags unless a form gives its fields. */
  inputs?: ImportInputs;
}

/** The words for the caller's inputs in the import's messages (see CLI_INPUTS). */
export interface ImportInputs {
  /** The namespace input, as in "no --namespace given". */
  namespace: string;
  /** How to give the namespace, as in "give the namespace the cluster runs in with --namespace NS". */
  giveNamespace: string;
  /** The checksums input, as in "differs from the checksum --checksums gives". */
  checksums: string;
  /** Where a missing checksum goes, as in "add the line ... to the file given with --checksums". */
  addChecksum: string;
}

/** `connect-skeleton import`'s flags. */
export const CLI_INPUTS: ImportInputs = {
  namespace: '--namespace',
  giveNamespace: 'with --namespace NS',
  checksums: '--checksums',
  addChecksum: 'the file given with --checksums',
};

/** The words the import uses for the caller's inputs. */
export function inputsOf(options: ImportOptions): ImportInputs {
  return options.inputs ?? CLI_INPUTS;
}

/** The state one import shares between the mapping of each section. */
export interface ImportContext {
  connect: Original;
  connectors: Original[];
  configMaps: Original[];
  /** Objects of the file the import used (the others are reported). */
  used: Set<Original>;
  /** The cluster's name, as the values will have it. */
  name: string;
  release: StrimziRelease;
  options: ImportOptions;
  /** What cannot be carried over: each names the original's field. */
  problems: Problem[];
  /** What the import did that a person should know (stderr). */
  notes: string[];
  traces: Trace;
  trace(valuesPath: Path, original: Original, originalPath: Path): void;
}
