// One breakpoint for the whole app: below antd's "lg" the layout switches to the phone version.
import { Grid } from 'antd';

export function useIsPhone(): boolean {
  const screens = Grid.useBreakpoint();
  return !screens.lg;
}
