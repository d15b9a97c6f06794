/** Printed by --help (stdout) and pointed to by every usage error. */
export const USAGE = `Usage: connect-skeleton <command> [options]

Commands:
  render     --values FILE --out DIR [--layout helm|kustomize]
             Render the cluster skeleton into DIR and list the written files.
  manifests  --values FILE
             Print every Kubernetes object as one YAML stream (for kubectl apply -f -).
  validate   --values FILE
             Print one line per problem in the values; nothing when they are good.

Options:
  --values FILE    the cluster values (connect-cluster.yaml)
  --out DIR        output folder: created, or replaced when it holds a previous render
  --layout NAME    helm (default) or kustomize
  -h, --help       print this help

Exit codes: 0 ok, 1 bad values, 2 bad usage, 3 internal error.
`;

export const USAGE_HINT = "Run 'connect-skeleton --help' for usage.";
