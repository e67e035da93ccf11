/**
 * The Api's validation messages are .NET's defaults ("The DisplayName field is required."): written for
 * developers, naming the C# property. Here they become what a learner reads at the field, by field and rule;
 * a message that matches no known rule is shown as the Api wrote it.
 */
const fieldLabels: Record<string, string> = {
  email: 'email address',
  password: 'password',
  displayName: 'display name',
  timeZone: 'time zone',
  dailyXpGoal: 'daily goal',
};

/** "DisplayName" or "displayName" → "display name". */
export function fieldLabel(field: string): string {
  const key = field.charAt(0).toLowerCase() + field.slice(1);
  return fieldLabels[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

const EMAIL_HINT = 'Enter a valid email address, like ada@example.com.';

const rules: { pattern: RegExp; message: (label: string, match: RegExpMatchArray) => string }[] = [
  { pattern: /^The \S+ field is required\.$/, message: (label) => `Enter your ${label}.` },
  { pattern: /^The \S+ field is not a valid e-mail address\.$/, message: () => EMAIL_HINT },
  { pattern: /^The email address is not valid\.$/, message: () => EMAIL_HINT },
  {
    pattern: /^The field \S+ must be a string with a minimum length of (\d+) and a maximum length of (\d+)\.$/,
    message: (label, [, min, max]) => (min === '1' ? `Your ${label} can be at most ${max} characters.` : `Your ${label} must be ${min} to ${max} characters.`),
  },
  {
    pattern: /^The field \S+ must be a string(?: or array type)? with a maximum length of '?(\d+)'?\.$/,
    message: (label, [, max]) => `Your ${label} can be at most ${max} characters.`,
  },
  {
    pattern: /^The field \S+ must be a string(?: or array type)? with a minimum length of '?(\d+)'?\.$/,
    message: (label, [, min]) => `Your ${label} must be at least ${min} characters.`,
  },
  { pattern: /^The field \S+ must be between (\S+) and (\S+)\.$/, message: (label, [, min, max]) => `Your ${label} must be between ${min} and ${max}.` },
];

export function friendlyFieldMessage(field: string, message: string): string {
  for (const rule of rules) {
    const match = message.match(rule.pattern);
    if (match) return rule.message(fieldLabel(field), match);
  }
  return message;
}
