import { fireEvent, screen } from '@testing-library/react';
import { SchedulingEditor } from './SchedulingEditor';
import { renderClusterField } from '../__testUtils__/renderClusterField';
import { choose } from '../__testUtils__/select';
import { typeInto } from '../__testUtils__/typeInto';

describe('SchedulingEditor', () => {
  it('writes nothing until something is chosen', () => {
    const field = renderClusterField(SchedulingEditor, 'scheduling');
    expect(field.value()).toBeUndefined();
  });

  it('"run on a node group" is a node selector on the platform\'s label', () => {
    const field = renderClusterField(SchedulingEditor, 'scheduling');
    fireEvent.click(screen.getByText('Add a node group'));
    typeInto('root_scheduling_nodeGroup_0_value', 'streaming');
    expect(field.value()).toEqual({
      nodeSelector: { 'eks.amazonaws.com/nodegroup': 'streaming' },
    });
    choose('root_scheduling_nodeGroup_0_kind', 'GKE node pool');
    expect(field.value()).toEqual({
      nodeSelector: { 'cloud.google.com/gke-nodepool': 'streaming' },
    });
    choose('root_scheduling_nodeGroup_0_kind', 'Another node label');
    typeInto('root_scheduling_nodeGroup_0_key', 'workload');
    expect(field.value()).toEqual({ nodeSelector: { workload: 'streaming' } });
  });

  it('"spread across zones" is a zone topology spread of this cluster\'s pods', () => {
    const field = renderClusterField(SchedulingEditor, 'scheduling');
    fireEvent.click(document.getElementById('root_scheduling_zoneSpread')!);
    expect(field.value()).toEqual({
      topologySpreadConstraints: [
        {
          maxSkew: 1,
          topologyKey: 'topology.kubernetes.io/zone',
          whenUnsatisfiable: 'ScheduleAnyway',
          labelSelector: {
            matchLabels: {
              'strimzi.io/cluster': 'orders',
              'strimzi.io/kind': 'KafkaConnect',
            },
          },
        },
      ],
    });
    choose('root_scheduling_zoneSpread_strict', 'Leave the pod pending');
    expect(
      (field.value() as any).topologySpreadConstraints[0].whenUnsatisfiable,
    ).toBe('DoNotSchedule');
    fireEvent.click(document.getElementById('root_scheduling_zoneSpread')!);
    expect(field.value()).toBeUndefined();
  });

  it('"tolerate a taint" is Exists without a value and Equal with one', () => {
    const field = renderClusterField(SchedulingEditor, 'scheduling');
    fireEvent.click(
      screen.getByText('Tolerate a taint', { selector: 'button *' }),
    );
    typeInto('root_scheduling_taint_0_key', 'dedicated');
    choose('root_scheduling_taint_0_effect', 'NoSchedule');
    expect(field.value()).toEqual({
      tolerations: [
        { key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' },
      ],
    });
    typeInto('root_scheduling_taint_0_value', 'streaming');
    expect(field.value()).toEqual({
      tolerations: [
        {
          key: 'dedicated',
          operator: 'Equal',
          value: 'streaming',
          effect: 'NoSchedule',
        },
      ],
    });
  });

  it('keeps what the words do not say, and names it', () => {
    const affinity = {
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          {
            weight: 100,
            podAffinityTerm: { topologyKey: 'kubernetes.io/hostname' },
          },
        ],
      },
    };
    const field = renderClusterField(SchedulingEditor, 'scheduling', {
      scheduling: { affinity },
    });
    expect(
      screen.getByText(/Also set, shown with the Kubernetes shapes: affinity/),
    ).toBeInTheDocument();
    fireEvent.click(document.getElementById('root_scheduling_zoneSpread')!);
    expect((field.value() as any).affinity).toEqual(affinity);
  });

  it('shows the full Kubernetes shapes one click away, and takes edits there', () => {
    const field = renderClusterField(SchedulingEditor, 'scheduling', {
      scheduling: { nodeSelector: { workload: 'streaming' } },
    });
    fireEvent.click(screen.getByText('Show the Kubernetes shapes'));
    const yaml = document.getElementById(
      'root_scheduling_yaml',
    ) as HTMLTextAreaElement;
    expect(yaml.value).toBe('nodeSelector:\n  workload: streaming\n');
    typeInto(
      'root_scheduling_yaml',
      'tolerations:\n  - key: spot\n    operator: Exists\n',
    );
    expect(field.value()).toEqual({
      tolerations: [{ key: 'spot', operator: 'Exists' }],
    });
    typeInto('root_scheduling_yaml', 'tolerations: [');
    expect(screen.getByText(/not YAML yet/)).toBeInTheDocument();
    expect(field.value()).toEqual({
      tolerations: [{ key: 'spot', operator: 'Exists' }],
    });
  });

  it('offers to follow a renamed cluster', () => {
    const field = renderClusterField(SchedulingEditor, 'scheduling', {
      name: 'orders-v2',
      scheduling: {
        topologySpreadConstraints: [
          {
            maxSkew: 1,
            topologyKey: 'topology.kubernetes.io/zone',
            whenUnsatisfiable: 'ScheduleAnyway',
            labelSelector: {
              matchLabels: {
                'strimzi.io/cluster': 'orders',
                'strimzi.io/kind': 'KafkaConnect',
              },
            },
          },
        ],
      },
    });
    fireEvent.click(screen.getByText("Count this cluster's pods"));
    expect(
      (field.value() as any).topologySpreadConstraints[0].labelSelector
        .matchLabels['strimzi.io/cluster'],
    ).toBe('orders-v2');
  });
});
