using OrleansPortal.Grains.Documents;

namespace OrleansPortal.Web.Documents;

/// <summary>
/// Adds an uploaded photo to a job's report, the one way for the office, the technician's phone and the customer alike:
/// read and check the form, store the bytes, record the photo. Callers check access first, so nobody can fill the disk
/// through a job that is not theirs.
/// </summary>
public sealed class ReportPhotos(PhotoUpload upload, PhotoStore store)
{
    /// <returns>The report with the photo, or null and the field errors when the upload was refused.</returns>
    public async Task<(JobReport? Report, Dictionary<string, string[]> Errors)> AddAsync(HttpRequest http, IJobReportGrain report, ReportAuthor author)
    {
        var (photo, errors) = await upload.ReadAsync(http, http.HttpContext.RequestAborted);
        if (photo is null) return (null, errors);
        var photoId = await store.SaveAsync(photo.Bytes, http.HttpContext.RequestAborted);
        return (await report.AddPhotoAsync(new NewReportPhoto(photoId, photo.ContentType, photo.Bytes.Length, photo.Caption), author), errors);
    }
}
