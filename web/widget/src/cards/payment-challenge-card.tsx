import { useState } from 'react';
import { ChallengeFrame } from '../checkout/challenge-frame.js';
import { useWidget } from '../components/widget-context.js';
import { useStrings } from '../i18n/index.js';

/** A saved card's payment that the bank wants to confirm: answer it here, then tell the assistant. */
export function PaymentChallengeCard({ url }: { url: string | null }) {
  const { t } = useStrings();
  const { conversation } = useWidget();
  const [answered, setAnswered] = useState(false);
  if (url === null) return <p className="aisle-card">{t.paymentChallengeCard}</p>;
  return (
    <div className="aisle-card aisle-challenge-card">
      <strong>{t.challengeTitle}</strong>
      <p className="aisle-muted">{t.paymentChallengeCard}</p>
      {!answered && <ChallengeFrame url={url} />}
      <button
        type="button"
        className="aisle-primary"
        disabled={answered || conversation.busy}
        onClick={() => {
          setAnswered(true);
          void conversation.send(t.paymentChallengeApproved);
        }}
      >
        {t.challengeDone}
      </button>
    </div>
  );
}
