import { useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import validator from '@rjsf/validator-ajv8';
import { Form } from '@backstage/plugin-scaffolder-react/alpha';
import { PreviewLayout } from '@connect-skeleton/plugin-kafka-connect';

/**
 * One parameters page of the portal's form with the Kafka Connect preview beside it, as the
 * scaffolder's stepper renders it (the whole state, also in formContext). Bundled for the
 * bench as the app bundles it; see previewKeystroke.ts.
 */
const SCHEMA = {
  type: 'object' as const,
  properties: {
    name: { type: 'string' as const, title: 'Cluster name' },
    namespace: { type: 'string' as const, title: 'Namespace' },
    description: { type: 'string' as const, title: 'Description' },
    replicas: { type: 'integer' as const, title: 'Replicas' },
  },
};

const UI_SCHEMA = {
  'ui:field': 'KafkaConnectPreviewLayout',
  'ui:options': { previewFile: 'catalog-info.yaml' },
};

function Page(props: { initial: Record<string, unknown> }) {
  const [state, setState] = useState(props.initial);
  return (
    <Form
      validator={validator}
      schema={SCHEMA}
      uiSchema={UI_SCHEMA}
      formData={state}
      formContext={{ formData: state }}
      fields={{ KafkaConnectPreviewLayout: PreviewLayout as any }}
      onChange={e => setState(current => ({ ...current, ...e.formData }))}
    />
  );
}

export interface MountedPage {
  /** Types the whole text into the description field, as one keystroke, and commits the result. */
  type(text: string): void;
  /** The text of the file the preview shows. */
  shown(): string;
  unmount(): void;
}

export function mountPreviewPage(
  window: Window,
  initial: Record<string, unknown>,
): MountedPage {
  const container = window.document.getElementById('root')!;
  const root = createRoot(container);
  flushSync(() => root.render(<Page initial={initial} />));
  const input = () =>
    window.document.getElementById('root_description') as HTMLInputElement;
  const setValue = Object.getOwnPropertyDescriptor(
    (window as any).HTMLInputElement.prototype,
    'value',
  )!.set!;
  return {
    type(text) {
      // As a browser does: the native setter, then the input event React listens to;
      // flushSync commits the discrete update before returning.
      flushSync(() => {
        setValue.call(input(), text);
        input().dispatchEvent(
          new (window as any).Event('input', { bubbles: true }),
        );
      });
    },
    shown: () =>
      window.document.querySelector(
        '[aria-label="Contents of catalog-info.yaml"]',
      )?.textContent ?? '',
    unmount: () => root.unmount(),
  };
}
