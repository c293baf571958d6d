import type { HandoffReason, SessionStatus } from '../api/types.js';
import { useLanguage } from '../i18n/index.js';

export function StatusBadge({ status }: { status: SessionStatus }) {
  const { t } = useLanguage();
  return <span className={`badge badge-${status}`}>{t(`status.${status}`)}</span>;
}

export function ReasonLabel({ reason }: { reason: HandoffReason }) {
  const { t } = useLanguage();
  return <span className="reason">{t(`reason.${reason}`)}</span>;
}

/** A short, readable form of a session id for lists and headings. */
export function shortId(id: string): string {
  const tail = id.split(/[_-]/).pop() ?? id;
  return tail.length > 8 ? tail.slice(-8) : tail;
}
