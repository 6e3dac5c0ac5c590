// `#token=<jwt>` on the link that opens zlens: a portal that cannot talk postMessage (a plain link,
// a new tab) hands over the token there. The fragment never reaches a server or a proxy log; we
// take the token out of the address bar at once so it is not bookmarked, copied or kept in history.
import { TokenSchema } from './auth-store';

/**
 * Reads `token` from the fragment (parsed as URLSearchParams) and removes it from the address bar
 * with history.replaceState, keeping the path, the query and any other fragment params. Returns the
 * token, or null when there is none or it is not a usable token (it is removed all the same).
 */
export function takeFragmentToken(location: Location, history: History): string | null {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  if (!fragment.has('token')) return null;
  const token = fragment.get('token');
  fragment.delete('token');
  const rest = fragment.toString();
  history.replaceState(history.state, '', `${location.pathname}${location.search}${rest === '' ? '' : `#${rest}`}`);
  const parsed = TokenSchema.safeParse(token);
  return parsed.success ? parsed.data : null;
}
