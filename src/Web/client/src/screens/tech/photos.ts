// Where the page gets a photo's picture from. The job list gives each photo a small copy (thumbnailUrl, 320 px) and the
// whole photo (url); the report gives the whole photo only. A thumbnail in the report uses the list's small copy when
// the list has the photo, else the whole photo shrunk by CSS (a job that has left today's list, say). Both
// addresses carry a grant instead of the device token, which an img element cannot send.
import type { DevicePhoto, ReportPhoto } from "./deviceApi";

export function thumbnailSource(photo: ReportPhoto, listed: DevicePhoto | undefined): string {
  return listed?.thumbnailUrl || photo.url;
}
