/** Placeholder: this page is being built. */
import { Heading } from '../components/ui';

export default function ScenarioPage() {
  return <Heading level={1}>ScenarioPage</Heading>;
}
