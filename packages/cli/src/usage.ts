/** Printed by --help (stdout) and pointed to by every usage error. */
export const USAGE = `Usage: connect-skeleton <command> [options]

Commands:
  render     --values FILE --out DIR [--layout helm|kustomize] [--policy FILE]
             Render the cluster skeleton into DIR and list the written files.
  manifests  --values FILE [--policy FILE]
             Print every Kubernetes object as one YAML stream (for kubectl apply -f -).
  validate   --values FILE [--policy FILE]
             Print one line per problem in the values, and with --policy per rule of
             the policy they break; nothing when they are good.
  import     --from FILE --owner REF [--namespace NS] [--strimzi VERSION] [--checksums FILE]
             Read a KafkaConnect (with its KafkaConnectors and metrics ConfigMap) and
             print values that render to the same objects; notes and problems on stderr.
  upgrade    --to VERSION PATH...
             Carry every cluster folder under the paths over to a newer Strimzi release
             (group and storage topics kept) and render each again in place.
  diff       PATH...
             Show what a render of every cluster folder under the paths would change;
             exit 0 when nothing would, 4 when something would.

Options:
  --values FILE    the cluster values (connect-cluster.yaml)
  --out DIR        output folder: created, or replaced when it holds a previous render
  --layout NAME    helm (default) or kustomize
  --policy FILE    the platform's policy the values must keep (docs/policy.md)
  --from FILE      the KafkaConnect to import (kubectl get -o yaml, or your manifests)
  --owner REF      the owning team or person, e.g. group:default/data-platform
  --namespace NS   the namespace, when the file has none (or the cluster moves)
  --strimzi VER    the target Strimzi release (default: the newest supported)
  --checksums FILE sha512sum output (<hash>  <url>) for artifacts without a checksum
  --to VERSION     the Strimzi release to upgrade to
  -h, --help       print this help

Exit codes: 0 ok, 1 bad values, 2 bad usage, 3 internal error, 4 diff found differences.
`;

export const USAGE_HINT = "Run 'connect-skeleton --help' for usage.";
