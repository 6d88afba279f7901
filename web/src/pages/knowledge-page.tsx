/** Placeholder: this page is being built. */
import { Heading } from '../components/ui';

export default function KnowledgePage() {
  return <Heading level={1}>KnowledgePage</Heading>;
}
