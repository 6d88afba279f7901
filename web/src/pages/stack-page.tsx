/** Placeholder: this page is being built. */
import { Heading } from '../components/ui';

export default function StackPage() {
  return <Heading level={1}>StackPage</Heading>;
}
