/** Placeholder: this page is being built. */
import { Heading } from '../components/ui';

export default function GraphPage() {
  return <Heading level={1}>GraphPage</Heading>;
}
