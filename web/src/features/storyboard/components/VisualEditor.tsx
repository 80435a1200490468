import { useId, useState } from 'react';
import { useI18n, type MessageKey } from '../../../i18n/i18n.tsx';
import type { StoryboardSceneView, StoryboardView } from '../api/storyboard.ts';
import { pickerOf, type VisualKind } from '../visual-info.ts';
import { ArticlePicker } from './ArticlePicker.tsx';
import { CardPicker } from './CardPicker.tsx';
import { StockPicker } from './StockPicker.tsx';
import { UploadPicker } from './UploadPicker.tsx';

const KINDS: VisualKind[] = ['card', 'upload', 'article', 'stock'];

export interface PickerProps {
  projectId: string;
  view: StoryboardView;
  scene: StoryboardSceneView;
}

/** Where a scene's visual comes from: a generated card, an upload, the article's images or stock. */
export function VisualEditor(props: PickerProps) {
  const { t } = useI18n();
  const id = useId();
  const [kind, setKind] = useState<VisualKind>(() => pickerOf(props.scene));

  return (
    <div className="visual-editor" data-testid="visual-editor">
      <div className="segmented visual-editor__tabs" role="tablist" aria-label={t('storyboard.picker.label')}>
        {KINDS.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            id={`${id}-${k}`}
            aria-selected={kind === k}
            aria-pressed={kind === k}
            aria-controls={`${id}-panel`}
            className="segmented__item"
            onClick={() => setKind(k)}
          >
            {t(`storyboard.picker.${k}` as MessageKey)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${kind}`} className="visual-editor__panel">
        {kind === 'card' && <CardPicker {...props} />}
        {kind === 'upload' && <UploadPicker {...props} />}
        {kind === 'article' && <ArticlePicker {...props} />}
        {kind === 'stock' && <StockPicker {...props} />}
      </div>
    </div>
  );
}
