import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { formatDateTime } from '../components/format';
import { useI18n } from '../i18n/use-i18n';
import { LANGUAGES } from '@zlens/shared';
import { useViewParams } from '../state/use-view-params';
import { MIN_WINDOW_SECONDS, RANGES, REFRESHES, THEMES, resolveWindow, zoomOutWindow, type TimeWindow } from '../state/view-params';
import { shiftWindow } from '../state/window-shift';
import { RefreshNowButton } from './TimeControls';
import './pickers.css';

const CUSTOM = 'custom';

/** Escape closes an open popup (`<details>`) and gives the focus back to its button (the summary). */
function closeOnEscape(event: KeyboardEvent<HTMLDetailsElement>): void {
  const details = event.currentTarget;
  if (event.key !== 'Escape' || !details.open) return;
  event.preventDefault();
  details.open = false;
  details.querySelector('summary')?.focus();
}

/** `2025-11-24T13:05` in local time, what an `<input type="datetime-local">` holds. */
export function toLocalInput(unixSeconds: number): string {
  return formatDateTime(unixSeconds * 1000)
    .slice(0, 16)
    .replace(' ', 'T');
}

/** Unix seconds from a datetime-local value (local time), or null. */
export function fromLocalInput(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
}

/** The select's words for a window that is not a preset: its times, or its expressions (`now-7d/d`). */
function customLabel(window: Exclude<TimeWindow, { kind: 'relative' }>, t: ReturnType<typeof useI18n>['t']): string {
  if (window.kind === 'expression') return t('range.expression', { from: window.from, to: window.to });
  return t('range.absolute', { from: formatDateTime(window.from * 1000).slice(0, 16), to: formatDateTime(window.to * 1000).slice(0, 16) });
}

export function TimeRangePicker() {
  const [{ window }, setParams] = useViewParams();
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="picker-group">
      <div className="picker">
        <label htmlFor={id}>{t('picker.timeRange')}</label>
        <select
          id={id}
          // The window, not the `range` parameter: a Grafana link's from=now-30d&to=now is the 30 d preset.
          value={window.kind === 'relative' ? window.range : CUSTOM}
          onChange={(event) => {
            const next = RANGES.find((candidate) => candidate === event.target.value);
            if (next) setParams({ range: next, from: null, to: null });
          }}
        >
          {window.kind !== 'relative' ? <option value={CUSTOM}>{customLabel(window, t)}</option> : null}
          {RANGES.map((value) => (
            <option key={value} value={value}>
              {t(`range.${value}`)}
            </option>
          ))}
        </select>
      </div>
      {/* Half a span back or forward, as Grafana's time-shift arrows. */}
      <button
        type="button"
        className="button button-ghost button-small picker-button"
        aria-label={t('picker.earlierLabel')}
        title={t('picker.earlierLabel')}
        onClick={() => setParams(shiftWindow(window, -1, Date.now() / 1000))}
      >
        ◀ <span className="visually-hidden">{t('picker.earlier')}</span>
      </button>
      <button
        type="button"
        className="button button-ghost button-small picker-button"
        aria-label={t('picker.laterLabel')}
        title={t('picker.laterLabel')}
        // A preset ends now: nothing later to show (an absolute window stops at now, see shiftWindow).
        disabled={window.kind === 'relative'}
        onClick={() => setParams(shiftWindow(window, 1, Date.now() / 1000))}
      >
        ▶ <span className="visually-hidden">{t('picker.later')}</span>
      </button>
      <button
        type="button"
        className="button button-ghost button-small picker-button"
        onClick={() => setParams(zoomOutWindow(window, Date.now() / 1000))}
      >
        {t('picker.zoomOut')}
      </button>
      <AbsoluteRangePicker />
      <RefreshNowButton />
    </div>
  );
}

/** From/to fields for an absolute window, in a disclosure so the toolbar stays compact. */
function AbsoluteRangePicker() {
  const [{ window }, setParams] = useViewParams();
  const { t } = useI18n();
  const [from, setFrom] = useState(() => toLocalInput(resolveWindow(window, Date.now() / 1000).from));
  const [to, setTo] = useState(() => toLocalInput(resolveWindow(window, Date.now() / 1000).to));
  const [invalid, setInvalid] = useState(false);
  const fromId = useId();
  const toId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const f = fromLocalInput(from);
    const e = fromLocalInput(to);
    if (f === null || e === null || e - f < MIN_WINDOW_SECONDS) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setParams({ from: f, to: e });
  };
  return (
    <details
      className="disclosure"
      onKeyDown={closeOnEscape}
      onToggle={(event) => {
        if ((event.target as HTMLDetailsElement).open) {
          const now = resolveWindow(window, Date.now() / 1000);
          setFrom(toLocalInput(now.from));
          setTo(toLocalInput(now.to));
        }
      }}
    >
      <summary className="button button-ghost button-small">{t('picker.custom')}</summary>
      <form className="disclosure-body" onSubmit={submit}>
        <label htmlFor={fromId}>{t('picker.from')}</label>
        <input id={fromId} type="datetime-local" value={from} onChange={(event) => setFrom(event.target.value)} />
        <label htmlFor={toId}>{t('picker.to')}</label>
        <input id={toId} type="datetime-local" value={to} onChange={(event) => setTo(event.target.value)} />
        {invalid ? (
          <p role="alert" className="form-error">
            {t('picker.invalidRange')}
          </p>
        ) : null}
        <button type="submit" className="button button-primary button-small">
          {t('picker.apply')}
        </button>
      </form>
    </details>
  );
}

export function RefreshPicker() {
  const [{ refresh }, setParams] = useViewParams();
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="picker">
      <label htmlFor={id}>{t('picker.refresh')}</label>
      <select
        id={id}
        value={refresh}
        onChange={(event) => {
          const next = REFRESHES.find((candidate) => candidate === event.target.value);
          if (next) setParams({ refresh: next });
        }}
      >
        {REFRESHES.map((value) => (
          <option key={value} value={value}>
            {t(`refresh.${value}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function LanguagePicker() {
  const [{ lang }, setParams] = useViewParams();
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="picker">
      <label htmlFor={id}>{t('picker.language')}</label>
      <select
        id={id}
        value={lang}
        onChange={(event) => {
          const next = LANGUAGES.find((candidate) => candidate === event.target.value);
          if (next) setParams({ lang: next });
        }}
      >
        {LANGUAGES.map((value) => (
          <option key={value} value={value} lang={value}>
            {t(`lang.${value}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ThemePicker() {
  const [{ theme }, setParams] = useViewParams();
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="picker">
      <label htmlFor={id}>{t('picker.theme')}</label>
      <select
        id={id}
        value={theme}
        onChange={(event) => {
          const next = THEMES.find((candidate) => candidate === event.target.value);
          if (next) setParams({ theme: next });
        }}
      >
        {THEMES.map((value) => (
          <option key={value} value={value}>
            {t(`theme.${value}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Warning and critical threshold bands (percent), kept in the URL. */
export function ThresholdPicker() {
  const [{ warn, crit }, setParams] = useViewParams();
  const { t } = useI18n();
  const warnId = useId();
  const critId = useId();
  const errorId = useId();
  const [draft, setDraft] = useState({ warn: String(warn), crit: String(crit) });
  // One history entry per edit: the first change pushes, the next keystrokes replace it.
  const edited = useRef(false);
  const problem = thresholdProblem(draft);
  const apply = (next: { warn: string; crit: string }) => {
    setDraft(next);
    if (thresholdProblem(next) !== null) return;
    setParams({ warn: Number(next.warn), crit: Number(next.crit) }, { replace: edited.current });
    edited.current = true;
  };
  const invalid = (field: 'warn' | 'crit') => problem !== null && problem.fields.includes(field);
  return (
    <details
      className="disclosure"
      onKeyDown={closeOnEscape}
      onToggle={(event) => {
        if (!event.currentTarget.open) edited.current = false;
      }}
    >
      <summary className="button button-ghost button-small">
        {t('picker.thresholds')} {warn}/{crit}%
      </summary>
      <div className="disclosure-body">
        <label htmlFor={warnId}>{t('picker.warn')}</label>
        <input
          id={warnId}
          type="number"
          min={1}
          max={100}
          step={1}
          value={draft.warn}
          aria-invalid={invalid('warn')}
          aria-describedby={invalid('warn') ? errorId : undefined}
          onChange={(event) => apply({ ...draft, warn: event.target.value })}
        />
        <label htmlFor={critId}>{t('picker.crit')}</label>
        <input
          id={critId}
          type="number"
          min={1}
          max={100}
          step={1}
          value={draft.crit}
          aria-invalid={invalid('crit')}
          aria-describedby={invalid('crit') ? errorId : undefined}
          onChange={(event) => apply({ ...draft, crit: event.target.value })}
        />
        {problem ? (
          <p id={errorId} className="form-error" role="alert">
            {problem.key === 'picker.warnAboveCrit' ? t(problem.key, { warn: draft.warn, crit: draft.crit }) : t(problem.key)}
          </p>
        ) : null}
      </div>
    </details>
  );
}

/** What is wrong with a pair of thresholds as typed, and which inputs it concerns; null when they can be used. */
function thresholdProblem(draft: {
  warn: string;
  crit: string;
}): { key: 'picker.thresholdRange' | 'picker.warnAboveCrit'; fields: ('warn' | 'crit')[] } | null {
  const inRange = (text: string) => text !== '' && Number.isInteger(Number(text)) && Number(text) >= 1 && Number(text) <= 100;
  const fields = (['warn', 'crit'] as const).filter((field) => !inRange(draft[field]));
  if (fields.length > 0) return { key: 'picker.thresholdRange', fields };
  if (Number(draft.warn) > Number(draft.crit)) return { key: 'picker.warnAboveCrit', fields: ['warn', 'crit'] };
  return null;
}
