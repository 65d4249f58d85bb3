// The phone's position, asked once (check-in) or watched (tracking), with its failures in the page's language: the
// browser's own messages are in whatever language it was built in.
import { t } from "../../i18n/i18n";

export function locationProblem(error: GeolocationPositionError): string {
  switch (error.code) {
    case error.PERMISSION_DENIED: return t("tech.location.denied");
    case error.TIMEOUT: return t("tech.location.timeout");
    default: return t("tech.location.unavailable");
  }
}

/** Where the phone is now, or a sentence saying why it cannot tell. */
export function currentPosition(): Promise<GeolocationCoordinates | string> {
  return new Promise(resolve => {
    if (!navigator.geolocation) return resolve(t("tech.location.unsupported"));
    navigator.geolocation.getCurrentPosition(p => resolve(p.coords), e => resolve(locationProblem(e)),
      { enableHighAccuracy: true, maximumAge: 10_000, timeout: 20_000 });
  });
}
