import { Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/index.ts';
import type { Provenance } from './api.ts';
import { SOURCE_TAG_COLOR, STATUS_COLOR, sourceTagLabel, statusLabel, type SourceTag, type Status } from './labels.ts';

export function StatusTag({ status }: { status: Status }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOR[status]} data-status={status} style={{ marginInlineEnd: 0 }}>
      {statusLabel(status, t)}
    </Tag>
  );
}

export function NearMissTag() {
  const { t } = useI18n();
  return (
    <Tooltip title={t('policy.nearMissHint')}>
      <Tag color="orange" data-testid="near-miss" style={{ marginInlineEnd: 0 }}>
        {t('policy.nearMiss')}
      </Tag>
    </Tooltip>
  );
}

/** The provenance as tooltip lines: place, from date, kind of source, the source itself. */
function ProvenanceTip({ provenance }: { provenance: Provenance }) {
  const { t } = useI18n();
  return (
    <div>
      <div>{t('policy.provenance.place', { place: provenance.jurisdictionName || provenance.jurisdiction })}</div>
      <div>{t('policy.provenance.from', { from: provenance.from })}</div>
      <div>{t('policy.provenance.tag', { tag: `${provenance.tag} · ${sourceTagLabel(provenance.tag, t)}` })}</div>
      <div>{t('policy.provenance.source', { source: provenance.source })}</div>
    </div>
  );
}

/** C / L / R / demo badge; hovering (or tapping) shows what the tag means and the source. */
export function SourceTagBadge({ tag, source }: { tag: SourceTag; source?: string }) {
  const { t } = useI18n();
  return (
    <Tooltip
      title={
        <div>
          <div>{sourceTagLabel(tag, t)}</div>
          {source && <div>{t('policy.provenance.source', { source })}</div>}
        </div>
      }
    >
      <Tag color={SOURCE_TAG_COLOR[tag]} data-tag={tag} tabIndex={0} style={{ marginInlineEnd: 0, cursor: 'help' }}>
        {tag}
      </Tag>
    </Tooltip>
  );
}

/** "杏花岭区 · 2024-01-01 起 [demo]": where a resolved value comes from. */
export function ProvenanceCell({ provenance }: { provenance: Provenance | null }) {
  const { t } = useI18n();
  if (!provenance) return <Tag color="red">{t('policy.notSet')}</Tag>;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Typography.Text>{provenance.jurisdictionName || provenance.jurisdiction}</Typography.Text>
      <Typography.Text type="secondary"> · {t('policy.fromDate', { date: provenance.from })} </Typography.Text>
      <SourceTagBadge tag={provenance.tag} source={provenance.source} />
    </span>
  );
}

/** A parameter phrase in a sentence ("城市低保标准 780.00 元/人/月"), provenance on hover. */
export function ParameterPhrase({ provenance, children }: { provenance: Provenance | null; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Tooltip title={provenance ? <ProvenanceTip provenance={provenance} /> : t('policy.notSet')}>
      <Tag className="lm-param-phrase" tabIndex={0} color={provenance ? SOURCE_TAG_COLOR[provenance.tag] : 'red'}>
        {children}
      </Tag>
    </Tooltip>
  );
}
