// The capacity planner's controls beside the time range: refresh now, the time zone, the
// comparison overlay and the y axis of ratio charts (all but "refresh now" kept in the URL), and
// the notice naming a URL value zlens could not read.
import { useId } from 'react';
import './capacity.css';
import { useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { queryKeys } from '../api/queries';
import { zoneName } from '../components/format';
import { useI18n } from '../i18n/use-i18n';
import { useViewParams } from '../state/use-view-params';
import { COMPARES, PARAM_KEYS, TIME_ZONES, Y_SCALES, parseViewParamsReport, type ViewParams } from '../state/view-params';
import './pickers.css';

/**
 * Asks every query of the page again now (a relative window moves to now; an absolute one is
 * read again), whatever the refresh interval; a refresh of "off" needs this.
 */
export function RefreshNowButton() {
  const client = useQueryClient();
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="button button-ghost button-small picker-button"
      onClick={() => void client.invalidateQueries({ queryKey: queryKeys.all })}
    >
      ⟳ {t('picker.refreshNow')}
    </button>
  );
}

/** A select over one view param's allowed values. */
function ChoicePicker<K extends 'tz' | 'compare' | 'y'>({
  param,
  allowed,
  label,
  text,
}: {
  param: K;
  allowed: readonly ViewParams[K][];
  label: string;
  text: (value: ViewParams[K]) => string;
}) {
  const [params, setParams] = useViewParams();
  const id = useId();
  return (
    <div className="picker">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={params[param]}
        onChange={(event) => {
          const next = allowed.find((candidate) => candidate === event.target.value);
          if (next !== undefined) setParams({ [param]: next });
        }}
      >
        {allowed.map((value) => (
          <option key={value} value={value}>
            {text(value)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function TimeZonePicker() {
  const { t } = useI18n();
  return (
    <ChoicePicker
      param="tz"
      allowed={TIME_ZONES}
      label={t('picker.timeZone')}
      text={(zone) => (zone === 'utc' ? t('tz.utc') : t('tz.browser', { zone: zoneName('browser') }))}
    />
  );
}

export function ComparePicker() {
  const { t } = useI18n();
  return <ChoicePicker param="compare" allowed={COMPARES} label={t('picker.compare')} text={(value) => t(`compare.${value}`)} />;
}

export function YAxisPicker() {
  const { t } = useI18n();
  return <ChoicePicker param="y" allowed={Y_SCALES} label={t('picker.yAxis')} text={(value) => t(`y.${value}`)} />;
}

/**
 * Names every URL value zlens could not read and what it shows instead ("from=… could not be
 * read; showing the last 1 hour"): a link from elsewhere is never silently replaced.
 */
export function UnreadableParamsNotice() {
  const [search] = useSearchParams();
  const [{ range }] = useViewParams();
  const { t } = useI18n();
  const { unreadable } = parseViewParamsReport(search);
  if (unreadable.length === 0) return null;
  const rangeText = t(`range.${range}`);
  const timeKeys = new Set<string>([PARAM_KEYS.from, PARAM_KEYS.to, PARAM_KEYS.range]);
  const lines = unreadable.map(({ key, value }) => {
    if (key === PARAM_KEYS.from && value === '') return t('notice.fromMissing', { range: rangeText });
    const param = `${key}=${value}`;
    return timeKeys.has(key) || key.includes('…')
      ? t('notice.timeUnreadable', { param, range: rangeText })
      : t('notice.paramUnreadable', { param });
  });
  return (
    <div className="notice notice-warning" role="status">
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
