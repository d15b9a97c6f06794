import { ComponentType, useEffect, useMemo, useState } from 'react';
import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/frontend-plugin-api';
import {
  FieldExtensionComponentProps,
  scaffolderApiRef,
} from '@backstage/plugin-scaffolder-react';
import { extractSchemaFromStep } from '@backstage/plugin-scaffolder-react/alpha';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import { FieldFrame, ProblemLines } from '../components/FieldFrame';
import { wholeForm } from '../fields/fieldContext';
import {
  changePatch,
  editedValues,
  patchCluster,
  patchText,
} from './changePatch';
import { changeOptions, checkChange } from './changeCheck';
import { clusterValues, CurrentCluster, lastRead } from './clusterValuesClient';
import { PendingChangeNotice } from './PendingChangeNotice';
import { ExtractSchema, valuesPages } from './valuesPages';

type Json = Record<string, unknown>;

/** ui:options of the field: where the cluster is chosen, and whose form to show. */
export interface ClusterChangeOptions {
  /** The form field holding the cluster's entity ref; default `cluster`. */
  clusterField?: string;
  /** The template whose form the values are shown in; default the cluster template. */
  formTemplate?: string;
}

export const DEFAULT_FORM_TEMPLATE = 'template:default/kafka-connect-cluster';

export function clusterRefOf(
  form: Json,
  options: ClusterChangeOptions | undefined,
): string | undefined {
  const value = form[options?.clusterField ?? 'cluster'];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

type Loaded<T> =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'done'; value: T };

/**
 * A value loaded when `deps` change. `known` is shown at once where a value was loaded before
 * (a remounted field, or the same cluster again): it is still read afresh, and replaced.
 */
function useLoaded<T>(
  load: (() => Promise<T>) | undefined,
  deps: unknown[],
  known?: T,
): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>(
    known === undefined
      ? { state: 'loading' }
      : { state: 'done', value: known },
  );
  useEffect(() => {
    if (!load) return undefined;
    let live = true;
    if (known === undefined) setLoaded({ state: 'loading' });
    else setLoaded({ state: 'done', value: known });
    load().then(
      value => live && setLoaded({ state: 'done', value }),
      error =>
        live &&
        setLoaded({ state: 'error', message: String(error.message ?? error) }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return loaded;
}

/**
 * The change form: the cluster chosen on the form, read from the GitOps repository (its
 * connect-cluster.yaml as the default branch holds it), shown in the pages of the cluster
 * template's own form and edited there. Its value, the `changes` parameter of the change
 * template, is what differs from the values read, as the merge patch kafka-connect:change-values
 * takes; untouched, it is empty. The name, namespace, group and storage topics are read-only
 * (the group and topics until the form says they are meant to change). Under the pages: what
 * the task will change, in words, or what it would refuse.
 */
export function ClusterChangeField(
  props: FieldExtensionComponentProps<string, ClusterChangeOptions>,
) {
  const { registry, onChange, formData } = props;
  const options = props.uiSchema?.['ui:options'];
  const form = wholeForm(props);
  const entityRef = clusterRefOf(form, options);
  const allowIdentityChange = form.allowIdentityChange === true;
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  const scaffolderApi = useApi(scaffolderApiRef);
  const [tab, setTab] = useState(0);

  const cluster = useLoaded<CurrentCluster>(
    entityRef
      ? () =>
          clusterValues({ discoveryApi, fetchApi }, entityRef, { fresh: true })
      : undefined,
    [entityRef],
    entityRef ? lastRead(entityRef) : undefined,
  );
  const template = useLoaded(
    () =>
      scaffolderApi.getTemplateParameterSchema(
        options?.formTemplate ?? DEFAULT_FORM_TEMPLATE,
      ),
    [options?.formTemplate],
  );

  // A change made for another cluster (chosen before, on the first page) is not this one's.
  const madeFor = patchCluster(formData);
  const stale = madeFor !== undefined && madeFor !== entityRef;
  useEffect(() => {
    if (stale) onChange(undefined as unknown as string);
  }, [stale, onChange]);

  const pages = useMemo(
    () =>
      template.state === 'done'
        ? valuesPages(
            template.value.steps,
            extractSchemaFromStep as unknown as ExtractSchema,
            { allowIdentityChange },
          )
        : [],
    [template, allowIdentityChange],
  );

  if (!entityRef) {
    return (
      <FieldFrame title="The cluster's values">
        <Typography variant="body2">Choose the cluster first.</Typography>
      </FieldFrame>
    );
  }
  if (cluster.state === 'error' || template.state === 'error') {
    const formTemplate = options?.formTemplate ?? DEFAULT_FORM_TEMPLATE;
    const messages = [
      cluster.state === 'error' ? cluster.message : undefined,
      template.state === 'error'
        ? `The form of ${formTemplate} could not be read: ${template.message}`
        : undefined,
    ].filter((m): m is string => m !== undefined);
    return (
      <FieldFrame title="The cluster's values">
        <ProblemLines messages={messages} />
      </FieldFrame>
    );
  }
  if (cluster.state === 'loading' || template.state === 'loading') {
    return (
      <FieldFrame title="The cluster's values">
        <Typography variant="body2">
          Reading {entityRef} from the GitOps repository…
        </Typography>
        <LinearProgress />
      </FieldFrame>
    );
  }

  const current = cluster.value;
  const edited = editedValues(current.values, stale ? undefined : formData);
  const page = pages[Math.min(tab, pages.length - 1)];
  const check = checkChange(
    current.values,
    stale ? undefined : formData,
    changeOptions(form),
  );
  const strimzi = current.values.strimzi as { version?: unknown } | undefined;

  const onPageChange = (pageData: Json | undefined) => {
    const next: Json = { ...edited };
    for (const key of page.fields) {
      const value = pageData?.[key];
      if (value === undefined) delete next[key];
      else next[key] = value;
    }
    onChange(patchText(changePatch(current.values, next), entityRef));
  };

  const SchemaField = registry.fields
    .SchemaField as unknown as ComponentType<Json>;
  // The fields of the page see the edited values as their whole form (the preview, the
  // release-dependent pickers and the problems under each field read it from there).
  const nested = {
    ...registry,
    formContext: {
      ...registry.formContext,
      formData: { ...edited, layout: current.layout },
    },
  };
  const pageData = page
    ? Object.fromEntries(page.fields.map(key => [key, edited[key]]))
    : {};

  return (
    <FieldFrame
      title="The cluster's values"
      description={
        <>
          {current.repositoryPath}/connect-cluster.yaml on the default branch of
          the GitOps repository, Strimzi{' '}
          {typeof strimzi?.version === 'string' ? strimzi.version : '?'}. Change
          any field; only what differs goes into the change. To move to a newer
          Strimzi release, choose it under "Strimzi release" below.
        </>
      }
    >
      <PendingChangeNotice cluster={current} />
      <Tabs
        value={Math.min(tab, pages.length - 1)}
        onChange={(_event, index: number) => setTab(index)}
        variant="scrollable"
        scrollButtons="auto"
        aria-label="Sections of the cluster's values"
      >
        {pages.map(p => (
          <Tab key={p.title} label={p.title} />
        ))}
      </Tabs>
      {page && (
        <Box mt={2} data-testid="cluster-values-page">
          <SchemaField
            key={page.title}
            name=""
            schema={page.schema as any}
            uiSchema={page.uiSchema as any}
            idSchema={registry.schemaUtils.toIdSchema(
              page.schema as any,
              undefined,
              pageData as any,
            )}
            formData={pageData}
            errorSchema={{}}
            onChange={onPageChange as any}
            onBlur={() => undefined}
            onFocus={() => undefined}
            registry={nested as any}
            disabled={props.disabled}
            readonly={props.readonly}
          />
        </Box>
      )}
      <Box mt={2} data-testid="cluster-change-summary">
        <Typography variant="subtitle2" component="h4">
          What changes
        </Typography>
        {check.ok && check.changes.length === 0 && (
          <Typography variant="body2">
            Nothing yet: with no change, the task pushes nothing.
          </Typography>
        )}
        {check.ok && check.changes.length > 0 && (
          <ul>
            {check.changes.map(line => (
              <li key={line}>
                <Typography variant="body2" component="span">
                  <code>{line}</code>
                </Typography>
              </li>
            ))}
          </ul>
        )}
        {!check.ok && <ProblemLines messages={check.problems} />}
      </Box>
    </FieldFrame>
  );
}
