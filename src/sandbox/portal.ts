// The few HTML pages a customer's browser sees: the billing portal (balances + a top-up form), the
// "paid" page after a fixed-fee payment, and the page for a link that is expired or not valid.
import type { Account, Customer } from './types.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Credyt sandbox</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; color: #1b1b1f; }
  table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
  th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #ddd; }
  td.amount { text-align: right; font-variant-numeric: tabular-nums; }
  form { display: flex; gap: .5rem; align-items: end; flex-wrap: wrap; }
  label { display: flex; flex-direction: column; font-size: .9rem; }
  input, select, button { font: inherit; padding: .3rem .5rem; }
  .note { color: #666; font-size: .85rem; }
</style>
</head>
<body>
${body}
<p class="note">Local Credyt sandbox: no real payment is taken.</p>
</body>
</html>
`;
}

export function portalPage(customer: Customer, accounts: Account[], topUpAction: string, topUpAssets: string[]): string {
  const rows = accounts.length
    ? accounts
        .map((account) => `<tr><td>${escapeHtml(account.id)}</td><td>${escapeHtml(account.asset)}</td><td class="amount" data-account="${escapeHtml(account.id)}">${account.available}</td></tr>`)
        .join('\n')
    : '<tr><td colspan="3">No wallet accounts yet.</td></tr>';
  const options = topUpAssets.map((asset) => `<option value="${escapeHtml(asset)}">${escapeHtml(asset)}</option>`).join('');
  return layout(
    'Billing',
    `<h1>Billing for ${escapeHtml(customer.name)}</h1>
<h2>Balances</h2>
<table>
<thead><tr><th>Account</th><th>Asset</th><th class="amount">Available</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<h2>Add funds</h2>
<form method="post" action="${escapeHtml(topUpAction)}">
  <label>Amount <input name="amount" type="number" min="0.01" step="any" value="10" required></label>
  <label>Asset <select name="asset">${options}</select></label>
  <button type="submit">Top up</button>
</form>`,
  );
}

export function paidPage(customer: Customer): string {
  return layout('Payment complete', `<h1>Payment complete</h1>\n<p>The subscription of ${escapeHtml(customer.name)} is active.</p>`);
}

export function messagePage(title: string, text: string): string {
  return layout(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(text)}</p>`);
}
