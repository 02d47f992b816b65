import { Spinner } from '@fluentui/react-components';

export function Loading({ label }: { label: string }) {
  return <Spinner size="small" label={label} labelPosition="after" style={{ padding: 16 }} />;
}
