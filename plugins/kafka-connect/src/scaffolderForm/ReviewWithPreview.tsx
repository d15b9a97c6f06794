import { ComponentProps } from 'react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import { ReviewStepProps } from '@backstage/plugin-scaffolder-react';
import { PreviewPanel } from '../components/PreviewPanel';
import { ReviewTable } from '../review/ReviewTable';
import type { ReviewPage } from '../review/reviewRows';

type PreviewForm = ComponentProps<typeof PreviewPanel>['form'];

/** Whether a template's pages carry the live preview (the Kafka Connect cluster form). */
export function hasPreviewPages(steps: ReviewStepProps['steps']): boolean {
  return steps.some(
    step =>
      (step.uiSchema as Record<string, unknown> | undefined)?.['ui:field'] ===
      'KafkaConnectPreviewLayout',
  );
}

/**
 * The Review step: the answers as they will be in effect (the plugin's ReviewTable, in place
 * of the scaffolder's ReviewState: no empty rows, yes/no for a box glyph, the change in
 * words), and, for a template whose pages show the live preview, the same preview under it
 * (full width: the summary's long values need the room), so the files are seen once more
 * right before Create.
 */
export function ReviewWithPreview(props: ReviewStepProps) {
  const preview = hasPreviewPages(props.steps);
  return (
    <>
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <ReviewTable
            steps={props.steps as unknown as ReviewPage[]}
            formData={props.formData}
          />
        </Grid>
        {preview && (
          <Grid item xs={12}>
            <PreviewPanel form={props.formData as unknown as PreviewForm} />
          </Grid>
        )}
      </Grid>
      <div style={{ display: 'flex', justifyContent: 'right', marginTop: 16 }}>
        <Button
          onClick={props.handleBack}
          disabled={props.disableButtons}
          style={{ marginRight: 8 }}
        >
          Back
        </Button>
        <Button
          variant="contained"
          color="primary"
          onClick={props.handleCreate}
          disabled={props.disableButtons}
        >
          Create
        </Button>
      </div>
    </>
  );
}
