/** Placeholder: this page is being built. */
import { Heading } from '../components/ui';

export default function ProcessPage() {
  return <Heading level={1}>ProcessPage</Heading>;
}
