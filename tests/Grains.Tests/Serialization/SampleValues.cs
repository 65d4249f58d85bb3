using System.Collections;
using System.Reflection;

namespace OrleansPortal.Grains.Tests.Serialization;

/// <summary>
/// Builds a value of any contract type with every member set to something other than its default (the last enum
/// member, non-empty strings and collections), so a member the serializer forgets shows up in the comparison.
/// </summary>
internal static class SampleValues
{
    private static readonly DateTimeOffset At = new(2026, 3, 4, 5, 6, 7, 891, TimeSpan.FromHours(1));

    public static object? For(Type type, int depth = 0)
    {
        if (depth > 8) return null; // a cycle of nullable references ends here
        if (Nullable.GetUnderlyingType(type) is { } inner) return For(inner, depth);
        if (type == typeof(string)) return $"text-{depth}";
        if (type == typeof(bool)) return true;
        if (type == typeof(int)) return 7;
        if (type == typeof(long)) return 7_000_000_000L;
        if (type == typeof(double)) return 1.25;
        if (type == typeof(float)) return 2.5f;
        if (type == typeof(decimal)) return 12.34m;
        if (type == typeof(DateTimeOffset)) return At;
        if (type == typeof(DateTime)) return At.UtcDateTime;
        if (type == typeof(DateOnly)) return DateOnly.FromDateTime(At.DateTime);
        if (type == typeof(TimeOnly)) return new TimeOnly(9, 30);
        if (type == typeof(TimeSpan)) return TimeSpan.FromMinutes(45);
        if (type == typeof(Guid)) return new Guid("0b7d8f7e-2a45-4c3e-9d3e-6a7f1b2c3d4e");
        if (type == typeof(byte[])) return new byte[] { 1, 2, 3 };
        if (type.IsEnum) return Enum.GetValues(type).Cast<object>().Last();
        if (type.IsArray) return Array(type.GetElementType()!, depth);
        if (type.IsGenericType) return Collection(type, depth) ?? Construct(type, depth);
        if (typeof(Exception).IsAssignableFrom(type)) return Activator.CreateInstance(type, $"{type.Name} message");
        if (type.IsAbstract)
        {
            var concrete = type.Assembly.GetTypes().First(t => t.IsSubclassOf(type) && !t.IsAbstract);
            return For(concrete, depth);
        }

        return Construct(type, depth);
    }

    private static Array Array(Type element, int depth)
    {
        var array = System.Array.CreateInstance(element, 1);
        array.SetValue(For(element, depth + 1), 0);
        return array;
    }

    private static object? Collection(Type type, int depth)
    {
        var definition = type.GetGenericTypeDefinition();
        var args = type.GetGenericArguments();
        if (definition == typeof(List<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IList<>) || definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyCollection<>))
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(args))!;
            list.Add(For(args[0], depth + 1));
            return list;
        }

        if (definition == typeof(HashSet<>) || definition == typeof(IReadOnlySet<>) || definition == typeof(ISet<>))
        {
            var set = Activator.CreateInstance(typeof(HashSet<>).MakeGenericType(args))!;
            set.GetType().GetMethod("Add")!.Invoke(set, [For(args[0], depth + 1)]);
            return set;
        }

        if (definition == typeof(Dictionary<,>) || definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(IDictionary<,>))
        {
            var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(args))!;
            dictionary.Add(For(args[0], depth + 1)!, For(args[1], depth + 1));
            return dictionary;
        }

        return null;
    }

    /// <summary>Through the widest public constructor (a record's primary one), then every settable property.</summary>
    private static object Construct(Type type, int depth)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        var value = constructor is null
            ? Activator.CreateInstance(type)!
            : constructor.Invoke([.. constructor.GetParameters().Select(p => For(p.ParameterType, depth + 1))]);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0))
        {
            if (constructor?.GetParameters().Any(p => string.Equals(p.Name, property.Name, StringComparison.Ordinal)) == true) continue;
            property.SetValue(value, For(property.PropertyType, depth + 1));
        }

        return value;
    }
}
