// The tab's "Exporteren naar Word" button, with its state announced.
import { Button } from '@fluentui/react-components';
import { useState, type RefObject } from 'react';
import { useT } from '../i18n';
import { exportMessages } from './messages';
import type { ReportInput } from './reportModel';

export interface ExportButtonProps {
  input: ReportInput;
  chartRef: RefObject<SVGSVGElement | null>;
}

export function ExportButton({ input, chartRef }: ExportButtonProps) {
  const t = useT(exportMessages);
  const [state, setState] = useState<'idle' | 'busy' | 'done' | 'failed'>('idle');
  const run = async () => {
    setState('busy');
    try {
      const { createReportBlob, downloadBlob, reportFileName } = await import(/* webpackChunkName: "export" */ './exportReport');
      downloadBlob(await createReportBlob(input, chartRef.current), reportFileName(input));
      setState('done');
    } catch {
      setState('failed');
    }
  };
  return (
    <div>
      <Button appearance="primary" onClick={() => void run()} disabled={state === 'busy'}>
        {state === 'busy' ? t('busy') : t('button')}
      </Button>{' '}
      <span role="status">{state === 'done' ? t('done') : state === 'failed' ? t('failed') : ''}</span>
    </div>
  );
}
