import type { ReactNode } from 'react';

export type NoticeTone = 'info' | 'success' | 'warning' | 'danger';

interface NoticeProps {
  tone?: NoticeTone;
  title?: string;
  children?: ReactNode;
  actions?: ReactNode;
  testId?: string;
}

/** A message box; warnings and errors are announced to screen readers as they appear. */
export function Notice({ tone = 'info', title, children, actions, testId }: NoticeProps) {
  const urgent = tone === 'danger' || tone === 'warning';
  return (
    <div className={`notice notice--${tone}`} role={urgent ? 'alert' : 'status'} data-testid={testId}>
      <div className="notice__body">
        {title && <p className="notice__title">{title}</p>}
        {children && <div className="notice__text">{children}</div>}
      </div>
      {actions && <div className="notice__actions">{actions}</div>}
    </div>
  );
}
