import { useEffect, useState } from 'react';

/** The time in unix seconds, updated every `everyMs`: for "N s old" texts, read during render without calling the clock there. */
export function useNowSeconds(everyMs = 5_000): number {
  const [now, setNow] = useState(() => Date.now() / 1000);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() / 1000), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
