using System.Runtime.CompilerServices;
using System.Text.Json;

namespace CloudTrailNotifier.Events;

/// <summary>Room on the stack for the values <see cref="MemberNames.Read"/> finds, so reading an object allocates nothing.</summary>
[InlineArray(Capacity)]
internal struct MemberValues
{
    /// <summary>The most names one <see cref="MemberNames"/> may hold.</summary>
    public const int Capacity = 40;

    private JsonElement _first;
}
