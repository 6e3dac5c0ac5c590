import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { resetAuth } from '../auth/auth-store';

// A view renders several panels, each waiting for its own fake response; on a busy machine the
// default 1 s for findBy/waitFor is too tight, and a slow pass is not a failure. 3 s still failed
// whole-app renders at a load average of 16 (2 cores); what never appears fails after 10 s.
configure({ asyncUtilTimeout: 10_000 });

// Testing Library only cleans up by itself when the test runner exposes globals; vitest here does not.
afterEach(() => {
  cleanup();
  // The token and the signed-out state live in a module of the page, which the cases of a file share.
  resetAuth();
});
