import { useId } from 'react';
import { useViewParams } from '../state/use-view-params';
import { RANGES, RANGE_LABELS, REFRESHES, REFRESH_LABELS } from '../state/view-params';

export function TimeRangePicker() {
  const [{ range }, setParams] = useViewParams();
  const id = useId();
  return (
    <div className="picker">
      <label htmlFor={id}>Time range</label>
      <select
        id={id}
        value={range}
        onChange={(event) => {
          const next = RANGES.find((candidate) => candidate === event.target.value);
          if (next) setParams({ range: next });
        }}
      >
        {RANGES.map((value) => (
          <option key={value} value={value}>
            {RANGE_LABELS[value]}
          </option>
        ))}
      </select>
    </div>
  );
}

export function RefreshPicker() {
  const [{ refresh }, setParams] = useViewParams();
  const id = useId();
  return (
    <div className="picker">
      <label htmlFor={id}>Refresh</label>
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
            {REFRESH_LABELS[value]}
          </option>
        ))}
      </select>
    </div>
  );
}
