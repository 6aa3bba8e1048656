const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Format an ISO date (`2024-03-05` or a full timestamp) as `5 Mar 2024`, the same
 * on every machine (no locale or time zone); undefined when it is not a date.
 */
export function formatDate(iso: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso.trim());
  if (!m) return undefined;
  const month = months[Number(m[2]) - 1];
  const day = Number(m[3]);
  if (!month || day < 1 || day > 31) return undefined;
  return `${day} ${month} ${m[1]}`;
}
