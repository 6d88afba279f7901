/** Placeholder: this page is being built. */
import { Heading } from '../components/ui';

export default function AssetPage() {
  return <Heading level={1}>AssetPage</Heading>;
}
