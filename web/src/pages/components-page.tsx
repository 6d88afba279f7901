/** Placeholder: this page is being built. */
import { Heading } from '../components/ui';

export default function ComponentsPage() {
  return <Heading level={1}>ComponentsPage</Heading>;
}
