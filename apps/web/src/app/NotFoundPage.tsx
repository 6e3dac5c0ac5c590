import { NotFound } from '../components/NotFound';
import { fleetPath } from '../navigation/paths';

export function NotFoundPage() {
  return (
    <NotFound
      title="Page not found"
      message="zlens has no page at this address."
      backTo={fleetPath()}
      backLabel="Back to the fleet"
    />
  );
}
