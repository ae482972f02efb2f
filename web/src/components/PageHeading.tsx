import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** Title row of a page; `extra` (buttons) wraps below the title on narrow screens. */
export function PageHeading({ title, children, extra }: { title: ReactNode; children?: ReactNode; extra?: ReactNode }) {
  return (
    <header className="lm-page-heading">
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }}>
        <Typography.Title level={3} style={{ flex: '1 1 auto', margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </div>
      {children}
    </header>
  );
}
