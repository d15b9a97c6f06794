import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { PathSegment } from '@connect-skeleton/plugin-kafka-connect-common';
import Grid from '@material-ui/core/Grid';
import { PreviewPanel } from '../components/PreviewPanel';
import { ErrorTree, withProblems } from '../preview/errorSchema';
import { isStillToFill, Preview, previewOf } from '../preview/computePreview';
import { LocatedProblem } from '../preview/problemPaths';
import { wholeForm } from './fieldContext';
import { FIELD_NAMES } from './fieldNames';

type UiNode = Record<string, unknown> | undefined;

/** Whether a problem's field is drawn by one of this package's fields, which show their own problems. */
function drawnByOwnField(
  uiSchema: UiNode,
  segments: readonly PathSegment[],
): boolean {
  let node = uiSchema;
  for (const segment of segments) {
    if (!node) return false;
    node = (typeof segment === 'number' ? node.items : node[segment]) as UiNode;
    const field = node?.['ui:field'];
    if (typeof field === 'string' && FIELD_NAMES.includes(field)) return true;
  }
  return false;
}

/**
 * Required fields not given yet: the scaffolder says so on Next; the preview lists them
 * meanwhile as still to fill in. A section the form holds only as empty defaults (the
 * `kafka` page before the bootstrap servers are typed) counts as not given.
 */
function notGivenYet(
  problem: LocatedProblem,
  preview: Preview,
  form: Record<string, unknown>,
) {
  return (
    problem.message.startsWith('is required') &&
    (isStillToFill(preview, problem.path) ||
      (problem.segments.length === 1 &&
        form[String(problem.segments[0])] === undefined))
  );
}

/**
 * A whole parameters page with the live preview beside it: put `ui:field` with this name on
 * the page itself (next to its `title` and `properties`). The page's own fields render as
 * usual on the left, each with the common checks' problems under it as the developer types;
 * the rendered files and every problem are on the right.
 */
export function PreviewLayout(
  props: FieldExtensionComponentProps<Record<string, unknown>>,
) {
  const { registry, uiSchema } = props;
  const ObjectField = registry.fields.ObjectField;
  const form = wholeForm(props);
  const preview = previewOf(form);
  const problems = preview.problems.filter(
    p =>
      !drawnByOwnField(uiSchema as UiNode, p.segments) &&
      !notGivenYet(p, preview, form),
  );
  const errorSchema = withProblems(
    props.errorSchema as ErrorTree,
    problems,
    () => false,
  );
  const { 'ui:field': _self, ...pageUiSchema } = (uiSchema ?? {}) as Record<
    string,
    unknown
  >;
  const options = pageUiSchema['ui:options'] as
    | { previewFile?: unknown }
    | undefined;
  const previewFile =
    typeof options?.previewFile === 'string' ? options.previewFile : undefined;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={7}>
        <ObjectField
          {...props}
          uiSchema={pageUiSchema}
          errorSchema={errorSchema as typeof props.errorSchema}
        />
      </Grid>
      <Grid item xs={12} md={5}>
        <div style={{ position: 'sticky', top: 16 }}>
          <PreviewPanel form={form} initialFile={previewFile} />
        </div>
      </Grid>
    </Grid>
  );
}
