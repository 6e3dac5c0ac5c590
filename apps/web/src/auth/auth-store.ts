// Sign-in state of the page. The bearer token (a JWT from the link's `#token=` or from the portal's
// `zlens:setToken`) lives in memory only: never in localStorage, sessionStorage or a cookie, so it
// ends with the tab and no other page of the origin can read it back. `signedOut` holds the
// BFF's reason while the page is signed out (any 401, query-client.ts); Layout then shows the
// "Not signed in" screen instead of the view.
import type { UnauthenticatedReason } from '@zlens/shared';
import { z } from 'zod';
import { create } from 'zustand';

/** A JWT of a portal fits easily; a longer string is not a token we will send in a header. */
export const MAX_TOKEN_LENGTH = 16 * 1024;

/** Non-empty, bounded, printable ASCII without spaces (what a header value of a bearer token may hold). */
export const TokenSchema = z
  .string()
  .min(1)
  .max(MAX_TOKEN_LENGTH)
  .regex(/^[\x21-\x7e]+$/, 'a token is printable ASCII without spaces');

/** Why the BFF refused the page: its English message, and its reason when it sent one. */
export interface SignedOutState {
  message: string;
  reason: UnauthenticatedReason | null;
}

interface AuthState {
  token: string | null;
  /** The 401 that signed the page out; null while not signed out. */
  signedOut: SignedOutState | null;
  /** Stores a (fresh) token and leaves the signed-out state. */
  setToken: (token: string) => void;
  /** Enters the signed-out state; the first reason stays (later 401s of the same moment say the same). */
  signOut: (why: SignedOutState) => void;
  /** Leaves the signed-out state to ask the BFF again (Try again). */
  clearSignedOut: () => void;
}

const INITIAL = { token: null, signedOut: null } as const;

export const useAuthStore = create<AuthState>()((set) => ({
  ...INITIAL,
  setToken: (token) => set({ token, signedOut: null }),
  signOut: (why) => set((state) => (state.signedOut === null ? { signedOut: why } : state)),
  clearSignedOut: () => set({ signedOut: null }),
}));

/** The token to send, if any (fetchJson reads it on every request). */
export function currentToken(): string | null {
  return useAuthStore.getState().token;
}

/** Back to a fresh page's state: no token, not signed out (tests share the module between cases). */
export function resetAuth(): void {
  useAuthStore.setState(INITIAL);
}
