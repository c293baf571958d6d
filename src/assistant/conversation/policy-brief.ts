/**
 * The store's policies in a few lines for the model's system prompt: what kinds of policy exist
 * and their shape, without fees or thresholds, so the model has a reason to ask the policy tool
 * (whose answer the guard can check) before it quotes anything.
 */
import type { PolicySummary } from '../../promotions/index.js';

export function policyBrief(summary: PolicySummary): string {
  const lines: string[] = [];
  if (summary.returns === null) lines.push('- Returns: no return policy is published.');
  else {
    const exceptions = summary.returns.exceptions.length;
    lines.push(
      `- Returns: a default return window, refunds by ${summary.returns.refundMethods.join(' or ') || 'the original payment'}` +
        (exceptions > 0 ? `; ${exceptions} kinds of item have a different window or are final sale.` : '.'),
    );
  }
  if (summary.shipping === null) lines.push('- Shipping: no shipping policy is published.');
  else {
    const names = summary.shipping.options.map((option) => option.name.en ?? option.id);
    lines.push(
      `- Shipping options: ${names.join(', ') || 'none'}; fees and delivery days come from the policy tool or a quote.`,
    );
  }
  lines.push(
    `- Tax: ${summary.tax.mode === 'inclusive' ? 'included in prices' : summary.tax.mode === 'none' ? 'none' : 'shown at checkout'}.`,
  );
  lines.push(
    '- Discounts exist only as the store’s promotions: a code works only when the cart tools accept it.',
  );
  return lines.join('\n');
}
