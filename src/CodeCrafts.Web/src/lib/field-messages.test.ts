import { describe, expect, it } from 'vitest';
import { ApiError, fieldErrors, formLevelMessage } from './problems';

// The Api's sign-up refusal as ASP.NET Core writes it: .NET's default DataAnnotations messages, keyed by JSON name.
const signUpRefusal = new ApiError(400, {
  title: 'One or more validation errors occurred.',
  status: 400,
  errors: {
    displayName: ['The DisplayName field is required.'],
    email: ['The Email field is not a valid e-mail address.', 'The email address is not valid.'],
    password: ['The field Password must be a string with a minimum length of 8 and a maximum length of 128.'],
  },
});

describe('validation messages a learner reads', () => {
  it('are written for the learner, at the field, by field and rule', () => {
    expect(fieldErrors(signUpRefusal)).toEqual({
      displayName: 'Enter your display name.',
      email: 'Enter a valid email address, like ada@example.com.',
      password: 'Your password must be 8 to 128 characters.',
    });
  });

  it('cover length limits and missing sign-in fields', () => {
    const refusal = new ApiError(400, {
      errors: {
        Email: ['The Email field is required.'],
        displayName: ['The field DisplayName must be a string with a minimum length of 1 and a maximum length of 40.'],
        password: ["The field Password must be a string or array type with a maximum length of '128'."],
      },
    });
    expect(fieldErrors(refusal)).toEqual({
      email: 'Enter your email address.',
      displayName: 'Your display name can be at most 40 characters.',
      password: 'Your password can be at most 128 characters.',
    });
  });

  it('keep a message the Api already wrote for people, and a field no form shows still reads well at the top', () => {
    const refusal = new ApiError(400, { errors: { password: ['The password must not be the email address.'], timeZone: ['The TimeZone field is required.'] } });
    expect(fieldErrors(refusal).password).toBe('The password must not be the email address.');
    expect(formLevelMessage(refusal, ['email', 'password'])).toBe('Enter your time zone.');
  });
});
