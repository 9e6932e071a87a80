import { useSyncExternalStore } from 'react';
import type { WebPoiService, WebState } from './web-service';

/** The page's state, re-rendering on every change the service announces. */
export function useWebState(service: WebPoiService): WebState {
  return useSyncExternalStore(service.subscribe, service.getState);
}
