// `Failure Reason:` in Communication Statistics is either the device's own
// text or the JSON error body CSSM sent, such as
// {"product_instance_identifier":["The identity for the instance ... is not valid.Please re-register the instance."]}.
// The JSON form is turned into `field: message` text an engineer can read.

/** Returns readable text for a failure reason; text that is not JSON is returned as it is. */
export function readableFailureReason(reason: string): string {
  const trimmed = reason.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) {
    return trimmed;
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return trimmed;
  }

  const parts = describe(parsed, '');
  return parts.length === 0 ? trimmed : parts.join('; ');
}

function describe(value: unknown, field: string): string[] {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    const text = String(value).replace(/\.(?=[A-Z])/g, '. ');
    return [field === '' ? text : `${field}: ${text}`];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item) => describe(item, field));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, inner]) => describe(inner, key.replaceAll('_', ' ')));
  }
  return [];
}
