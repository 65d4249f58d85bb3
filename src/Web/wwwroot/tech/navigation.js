// Links that take the technician to a job. A geo: URI (RFC 5870, with the "q" label Android reads) opens whatever
// navigation app the phone has; the web directions are the fallback for phones where geo: opens nothing.
export function geoUri({ latitude, longitude }, label) {
  const at = `${latitude},${longitude}`;
  return `geo:${at}?q=${at}(${encodeURIComponent(label)})`;
}

// An empty start lets the directions page begin wherever the browser says the phone is.
export function webDirectionsUrl({ latitude, longitude }) {
  return `https://www.openstreetmap.org/directions?route=${encodeURIComponent(`;${latitude},${longitude}`)}`;
}
