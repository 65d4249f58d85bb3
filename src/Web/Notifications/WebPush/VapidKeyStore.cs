using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MimeKit;
using OrleansPortal.Web.Email;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Notifications.WebPush;

/// <summary>
/// The VAPID keys every push is signed with: the configured pair, or else one made the first time it is needed and kept in
/// a file, so a restart (or another node sharing the file) signs with the same key. That matters: each phone's
/// subscription is bound to the public key it was made with, and a push service refuses pushes signed with another.
/// </summary>
public sealed partial class VapidKeyStore(
    IOptions<WebPushOptions> options,
    IOptions<EmailOptions> email,
    IConfiguration configuration,
    IHostEnvironment environment,
    ILogger<VapidKeyStore> logger)
{
    private readonly Lock _gate = new();
    private VapidKeys? _keys;

    /// <summary>The keys; the first call reads (or makes) them. Throws <see cref="InvalidOperationException"/> for a bad configuration.</summary>
    public VapidKeys Keys
    {
        get
        {
            lock (_gate) return _keys ??= Load();
        }
    }

    private VapidKeys Load()
    {
        var settings = options.Value;
        var subject = Subject(settings);
        if (!string.IsNullOrWhiteSpace(settings.PublicKey) || !string.IsNullOrWhiteSpace(settings.PrivateKey))
        {
            if (string.IsNullOrWhiteSpace(settings.PublicKey) || string.IsNullOrWhiteSpace(settings.PrivateKey))
                throw new InvalidOperationException($"{WebPushOptions.SectionName}: set both PublicKey and PrivateKey, or neither (a key pair is then made and kept).");
            return Checked(new VapidKeys(settings.PublicKey.Trim(), settings.PrivateKey.Trim(), subject), "the configured keys");
        }

        var file = KeyFile(settings);
        if (File.Exists(file)) return Read(file, subject);
        var made = Generate(subject);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        try
        {
            // CreateNew: of two nodes starting together on one shared directory, one writes and the other reads its keys.
            var mode = OperatingSystem.IsWindows() ? new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write }
                : new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite };
            using (var stream = new FileStream(file, mode))
                JsonSerializer.Serialize(stream, new StoredKeys(made.PublicKey, made.PrivateKey));
            LogGenerated(file, made.PublicKey);
            return made;
        }
        catch (IOException) when (File.Exists(file))
        {
            return Read(file, subject);
        }
    }

    private VapidKeys Read(string file, string subject)
    {
        StoredKeys? stored = null;
        // Another node may be writing it this very moment: a short wait for the complete file.
        for (var attempt = 0; attempt < 20 && stored is null; attempt++)
        {
            try
            {
                stored = JsonSerializer.Deserialize<StoredKeys>(File.ReadAllText(file));
            }
            catch (JsonException) when (attempt < 19)
            {
                Thread.Sleep(50);
            }
        }

        if (stored is null) throw new InvalidOperationException($"The VAPID key file {file} is empty: remove it to make a new key pair (phones then subscribe again).");
        return Checked(new VapidKeys(stored.PublicKey, stored.PrivateKey, subject), $"the key file {file}");
    }

    /// <summary>A key pair that does not sign and verify together would be refused by every push service: say so now.</summary>
    private static VapidKeys Checked(VapidKeys keys, string where)
    {
        try
        {
            var point = Point(keys.PublicKey);
            var d = Base64Url.DecodeFromChars(keys.PrivateKey);
            if (d.Length != 32) throw new FormatException("the private key is not 32 bytes");
            var q = new ECPoint { X = point[1..33], Y = point[33..] };
            using var pair = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = d, Q = q });
            using var publicOnly = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = q });
            var probe = "vapid"u8.ToArray();
            if (!publicOnly.VerifyData(probe, pair.SignData(probe, HashAlgorithmName.SHA256), HashAlgorithmName.SHA256))
                throw new CryptographicException("the public key does not match the private key");
            return keys;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or ArgumentException)
        {
            throw new InvalidOperationException($"{WebPushOptions.SectionName}: {where} are not a P-256 key pair in base64url (a 65-byte public key, a 32-byte private key): {ex.Message}", ex);
        }
    }

    private static byte[] Point(string publicKey)
    {
        var point = Base64Url.DecodeFromChars(publicKey);
        return point is [0x04, ..] && point.Length == 65 ? point : throw new FormatException("the public key is not a 65-byte uncompressed point");
    }

    private static VapidKeys Generate(string subject)
    {
        using var pair = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = pair.ExportParameters(includePrivateParameters: true);
        var point = new byte[65];
        point[0] = 0x04;
        parameters.Q.X!.CopyTo(point, 1);
        parameters.Q.Y!.CopyTo(point, 33);
        return new VapidKeys(Base64Url.EncodeToString(point), Base64Url.EncodeToString(parameters.D), subject);
    }

    private string KeyFile(WebPushOptions settings)
    {
        if (!string.IsNullOrWhiteSpace(settings.KeyFile)) return Path.GetFullPath(settings.KeyFile);
        var shared = configuration[$"{KeyRingOptions.SectionName}:{nameof(KeyRingOptions.KeyDirectory)}"];
        var directory = string.IsNullOrWhiteSpace(shared) ? Path.Combine(environment.ContentRootPath, "data") : shared;
        return Path.GetFullPath(Path.Combine(directory, "vapid-keys.json"));
    }

    /// <summary>Push services want a way to reach the sender: the configured subject, the portal if it is https, else the mail sender.</summary>
    private string Subject(WebPushOptions settings)
    {
        if (!string.IsNullOrWhiteSpace(settings.Subject))
        {
            var subject = settings.Subject.Trim();
            return subject.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || subject.StartsWith("https:", StringComparison.OrdinalIgnoreCase)
                ? subject
                : throw new InvalidOperationException($"{WebPushOptions.SectionName}:Subject must be a mailto: address or an https: URL.");
        }

        if (Uri.TryCreate(configuration["Portal:PublicBaseUrl"], UriKind.Absolute, out var portal) && portal.Scheme == Uri.UriSchemeHttps)
            return portal.GetLeftPart(UriPartial.Authority);
        return MailboxAddress.TryParse(email.Value.From, out var from) ? "mailto:" + from.Address : "mailto:no-reply@localhost";
    }

    private sealed record StoredKeys(string PublicKey, string PrivateKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Made a new VAPID key pair for Web Push, kept in {KeyFile}; public key {PublicKey}")]
    private partial void LogGenerated(string keyFile, string publicKey);
}
