namespace OrleansPortal.Web.Hosting;

/// <summary>Enum values as the API spells them: by name, any case. Numbers ("1") and combinations ("A, B") are refused, as clients must not depend on ordinals.</summary>
public static class EnumName
{
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        var name = Enum.GetNames<T>().FirstOrDefault(n => n.Equals(text?.Trim(), StringComparison.OrdinalIgnoreCase));
        value = name is null ? default : Enum.Parse<T>(name);
        return name is not null;
    }
}
