import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AuthResponse } from '@/api/types';
import { data, publicApi, session } from '@/lib/api';
import { browserTimeZone } from '@/lib/format';

function startSession(response: AuthResponse) {
  session.signedIn(response.user, response.tokens);
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => data(publicApi.POST('/api/auth/login', { body })),
    onSuccess: (response) => {
      queryClient.clear();
      startSession(response);
    },
  });
}

export function useSignUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string; displayName: string }) =>
      data(publicApi.POST('/api/auth/register', { body: { ...body, timeZone: browserTimeZone() } })),
    onSuccess: (response) => {
      queryClient.clear();
      startSession(response);
    },
  });
}
