import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';

/** A link to another view that keeps the current query string (time range, refresh). */
export function AppLink({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
  const { search } = useLocation();
  return (
    <Link to={{ pathname: to, search }} className={className}>
      {children}
    </Link>
  );
}
