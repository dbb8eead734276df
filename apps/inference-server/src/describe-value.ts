/** A value as error messages quote it: its JSON text, cut after 40 characters. */
export function describeValue(v: unknown): string {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
