/** False (and off to the sign-in page, coming back here afterwards) when the dispatcher's session has ended. */
export async function signedIn(response: Response): Promise<boolean> {
  if (response.status !== 401) return true;
  location.href = "/login/?returnUrl=" + encodeURIComponent(location.pathname + location.hash);
  return false;
}
