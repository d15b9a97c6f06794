import { formatPath, problem, Problem } from '../problems';
import { Artifact, MAVEN_CENTRAL } from '../values/plugins';
import { globMatches } from './glob';
import { parseVersionRule, versionMatches } from './mavenVersion';
import { AllowedArtifact } from './schema';

/** The plugin rule: every artifact of every plugin must be one the policy allows. */

type MavenArtifact = Extract<Artifact, { type: 'maven' }>;
type UrlArtifact = Exclude<Artifact, MavenArtifact>;

interface Plugin {
  name: string;
  artifacts: Artifact[];
}

const RULE = 'plugins.allowed';
const SHOWN = 8;

/** `plugins.allowed[2].version`: the rule that refuses, as the policy file names it. */
function rulePath(index: number, field: string): string {
  return formatPath(['plugins', 'allowed', index, field]);
}

function withoutSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function repositoryOf(artifact: MavenArtifact): string {
  return withoutSlash(artifact.repository ?? MAVEN_CENTRAL);
}

/** Where Maven puts the artifact's files: what a urlPrefix entry is compared with. */
function mavenFolder(artifact: MavenArtifact): string {
  const group = artifact.group.replace(/\./g, '/');
  return `${repositoryOf(artifact)}/${group}/${artifact.artifact}/${
    artifact.version
  }/`;
}

function describeArtifact(artifact: Artifact): string {
  if (artifact.type !== 'maven') return artifact.url;
  const coordinates = `${artifact.group}:${artifact.artifact}:${artifact.version}`;
  const repository = repositoryOf(artifact);
  return repository === MAVEN_CENTRAL
    ? coordinates
    : `${coordinates} from ${repository}`;
}

function describeEntry(entry: AllowedArtifact): string {
  if (entry.url) return entry.url;
  if (entry.urlPrefix) return `${entry.urlPrefix}*`;
  const coordinates = `${entry.group}:${entry.artifact}:${
    entry.version ?? '*'
  }`;
  const repository = withoutSlash(entry.repository ?? MAVEN_CENTRAL);
  return repository === MAVEN_CENTRAL
    ? coordinates
    : `${coordinates} from ${repository}`;
}

function allowedList(allowed: readonly AllowedArtifact[]): string {
  if (allowed.length === 0) return 'none: the policy allows no plugins';
  const shown = allowed.slice(0, SHOWN).map(describeEntry).join(', ');
  return allowed.length > SHOWN
    ? `${shown} and ${allowed.length - SHOWN} more`
    : shown;
}

function coordinatesMatch(entry: AllowedArtifact, artifact: MavenArtifact) {
  return (
    entry.group !== undefined &&
    entry.artifact !== undefined &&
    globMatches(entry.group, artifact.group) &&
    globMatches(entry.artifact, artifact.artifact)
  );
}

function versionAllowed(entry: AllowedArtifact, version: string): boolean {
  if (entry.version === undefined) return true;
  const rule = parseVersionRule(entry.version);
  // parsePolicy refused a version rule that does not parse.
  return typeof rule !== 'string' && versionMatches(version, rule);
}

function repositoryAllowed(entry: AllowedArtifact, artifact: MavenArtifact) {
  return (
    withoutSlash(entry.repository ?? MAVEN_CENTRAL) === repositoryOf(artifact)
  );
}

function prefixMatches(entry: AllowedArtifact, url: string): boolean {
  return entry.urlPrefix !== undefined && url.startsWith(entry.urlPrefix);
}

/** The near misses of a Maven artifact: its coordinates are allowed, its version or repository not. */
function mavenProblems(
  at: (string | number)[],
  artifact: MavenArtifact,
  allowed: readonly AllowedArtifact[],
): Problem[] {
  const folder = mavenFolder(artifact);
  const fits = (entry: AllowedArtifact) =>
    prefixMatches(entry, folder) ||
    (coordinatesMatch(entry, artifact) &&
      versionAllowed(entry, artifact.version) &&
      repositoryAllowed(entry, artifact));
  if (allowed.some(fits)) return [];

  const name = `${artifact.group}:${artifact.artifact}`;
  const sameCoordinates = allowed
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => coordinatesMatch(entry, artifact));
  const wrongVersion = sameCoordinates.filter(
    ({ entry }) => !versionAllowed(entry, artifact.version),
  );
  if (wrongVersion.length === sameCoordinates.length && wrongVersion.length) {
    const rules = wrongVersion
      .map(
        ({ entry, index }) =>
          `${entry.version} (policy ${rulePath(index, 'version')})`,
      )
      .join(', ');
    return [
      problem(
        [...at, 'version'],
        `${artifact.version} of ${name} is outside the versions the policy allows: ${rules}`,
      ),
    ];
  }
  const wrongRepository = sameCoordinates.find(({ entry }) =>
    versionAllowed(entry, artifact.version),
  );
  if (wrongRepository) {
    const { entry, index } = wrongRepository;
    return [
      problem(
        [...at, 'repository'],
        `${repositoryOf(
          artifact,
        )} is not the repository the policy allows for ${name} (policy ${rulePath(
          index,
          'repository',
        )}): ${withoutSlash(entry.repository ?? MAVEN_CENTRAL)}`,
      ),
    ];
  }
  return [notAllowed(at, artifact, allowed)];
}

function urlProblems(
  at: (string | number)[],
  artifact: UrlArtifact,
  allowed: readonly AllowedArtifact[],
): Problem[] {
  const exact = allowed
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => entry.url === artifact.url);
  const checksummed = exact.filter(({ entry }) => entry.sha512sum);
  // A URL the policy pins with a checksum is allowed with that checksum only.
  if (checksummed.length > 0) {
    if (
      checksummed.some(({ entry }) => entry.sha512sum === artifact.sha512sum)
    ) {
      return [];
    }
    const { index } = checksummed[0];
    return [
      problem(
        [...at, 'sha512sum'],
        `${artifact.sha512sum} is not the checksum the policy allows for ${
          artifact.url
        } (policy ${rulePath(
          index,
          'sha512sum',
        )}); the file the policy approved has another content`,
      ),
    ];
  }
  if (exact.length > 0) return [];
  if (allowed.some(entry => prefixMatches(entry, artifact.url))) return [];
  return [notAllowed(at, artifact, allowed)];
}

function notAllowed(
  at: (string | number)[],
  artifact: Artifact,
  allowed: readonly AllowedArtifact[],
): Problem {
  return problem(
    at,
    `${describeArtifact(
      artifact,
    )} is not in the policy's allowed artifacts (policy ${RULE}); allowed: ${allowedList(
      allowed,
    )}`,
  );
}

export function checkArtifacts(
  plugins: readonly Plugin[],
  allowed: readonly AllowedArtifact[],
): Problem[] {
  return plugins.flatMap((plugin, i) =>
    plugin.artifacts.flatMap((artifact, j) => {
      const at = ['plugins', i, 'artifacts', j];
      return artifact.type === 'maven'
        ? mavenProblems(at, artifact, allowed)
        : urlProblems(at, artifact, allowed);
    }),
  );
}
