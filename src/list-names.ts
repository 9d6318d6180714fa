// Names in messages about many devices, cut short so a large fleet does not fill the screen.

/** Joins the first `max` names with commas and adds how many more there are: `a, b, c and 7 more`. */
export function listNames(names: readonly string[], max: number): string {
  const first = names.slice(0, max).join(', ');
  return names.length > max ? `${first} and ${names.length - max} more` : first;
}
