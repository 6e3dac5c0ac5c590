import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Testing Library only cleans up by itself when the test runner exposes globals; vitest here does not.
afterEach(() => {
  cleanup();
});
