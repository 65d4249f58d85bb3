// Links that take the technician to a job. A geo: URI (RFC 5870, with the "q" label Android reads) opens whatever
// navigation app the phone has; the web directions are the fallback for phones where geo: opens nothing.
type Place = { latitude: number; longitude: number };

/** The place of a job, when its location has both coordinates. */
export function placeOf(location: { latitude?: number; longitude?: number }): Place | null {
  const { latitude, longitude } = location;
  return latitude === undefined || longitude === undefined ? null : { latitude, longitude };
}

export function geoUri({ latitude, longitude }: Place, label: string): string {
  const at = `${latitude},${longitude}`;
  return `geo:${at}?q=${at}(${encodeURIComponent(label)})`;
}

// An empty start lets the directions page begin wherever the browser says the phone is.
export function webDirectionsUrl({ latitude, longitude }: Place): string {
  return `https://www.openstreetmap.org/directions?route=${encodeURIComponent(`;${latitude},${longitude}`)}`;
}

/** A tel: address from a phone number as people write it ("+351 912 345 678", "(22) 123-4567"). */
export function telUri(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}
