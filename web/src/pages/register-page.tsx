/** Placeholder: this page is being built. */
import { Heading } from '../components/ui';

export default function RegisterPage() {
  return <Heading level={1}>RegisterPage</Heading>;
}
