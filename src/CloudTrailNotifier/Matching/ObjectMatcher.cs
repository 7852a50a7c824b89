using System.Text.Json;

namespace CloudTrailNotifier.Matching;

/// <summary>
/// One object level of a pattern: every field, every nested object and every <c>$or</c> group must match (an
/// <c>$or</c> group when any of its branches does). Where the event has an array of objects, one element must match the
/// whole level, so two fields are never satisfied by two different elements.
/// </summary>
internal sealed class ObjectMatcher(
    IReadOnlyList<FieldMatcher> fields,
    IReadOnlyList<KeyValuePair<string, ObjectMatcher>> nested,
    IReadOnlyList<IReadOnlyList<ObjectMatcher>> orGroups)
{
    /// <summary>Whether the event's value under this level's name matches.</summary>
    public bool Matches(in FieldValue value)
    {
        if (!value.IsPresent || value.Text is not null)
        {
            return MatchesFields(new NoFields());
        }

        return Matches(value.Element);
    }

    public bool MatchesFields<TSource>(in TSource source)
        where TSource : struct, IFieldSource
    {
        foreach (var field in fields)
        {
            if (!field.Matches(source.Get(field.Name)))
            {
                return false;
            }
        }

        foreach (var (name, matcher) in nested)
        {
            if (!matcher.Matches(source.Get(name)))
            {
                return false;
            }
        }

        foreach (var branches in orGroups)
        {
            if (!AnyBranch(branches, source))
            {
                return false;
            }
        }

        return true;
    }

    private bool Matches(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                return MatchesFields(new ElementFields(element));
            case JsonValueKind.Array:
                var any = false;
                foreach (var item in element.EnumerateArray())
                {
                    any = true;
                    if (Matches(item))
                    {
                        return true;
                    }
                }

                return !any && MatchesFields(new NoFields());
            default:
                return MatchesFields(new NoFields());
        }
    }

    private static bool AnyBranch<TSource>(IReadOnlyList<ObjectMatcher> branches, in TSource source)
        where TSource : struct, IFieldSource
    {
        foreach (var branch in branches)
        {
            if (branch.MatchesFields(source))
            {
                return true;
            }
        }

        return false;
    }
}
