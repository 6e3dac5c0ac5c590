import { useId } from 'react';
import { useI18n } from '../i18n/use-i18n';
import { useViewParams } from '../state/use-view-params';
import { ANNOTATIONS } from '../state/view-params';

/** Markers on the object's charts (status changes, HMC messages): shown or not, kept in the URL (`ann`). */
export function MarkersToggle() {
  const [{ ann }, setParams] = useViewParams();
  const { t } = useI18n();
  const id = useId();
  return (
    <span className="markers-toggle">
      <label htmlFor={id}>{t('picker.annotations')}</label>
      <select id={id} value={ann} onChange={(event) => setParams({ ann: ANNOTATIONS.find((a) => a === event.target.value) ?? 'on' })}>
        {ANNOTATIONS.map((a) => (
          <option key={a} value={a}>
            {t(`ann.${a}`)}
          </option>
        ))}
      </select>
    </span>
  );
}
