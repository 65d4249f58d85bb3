namespace OrleansPortal.Silo.Storage;

/// <summary>
/// A storage provider cannot work with the configuration it was given: an unknown provider, a missing or
/// malformed connection string, or a database it cannot reach at start. The message names the storage and
/// says what to fix; it never carries a stack trace or a password.
/// </summary>
public sealed class StorageConfigurationException : Exception
{
    public StorageConfigurationException() { }

    public StorageConfigurationException(string message) : base(message) { }

    public StorageConfigurationException(string message, Exception innerException) : base(message, innerException) { }
}
