using CloudTrailNotifier.Describing;
using CloudTrailNotifier.Rendering;

namespace CloudTrailNotifier.Tests.Rendering;

public sealed class MessageAttributesBuilderTests
{
    [Fact]
    public void The_signals_attribute_names_every_combination_of_signals_as_the_enum_spells_them_most_alarming_first()
    {
        var all = SignalOrder.All.Aggregate(Signals.None, (sum, signal) => sum | signal);
        for (var bits = 1; bits <= (int)all; bits++)
        {
            var signals = (Signals)bits & all;
            if (signals == Signals.None)
            {
                continue;
            }

            var expected = string.Join(',', SignalOrder.All.Where(signal => (signals & signal) != 0).Select(signal => Enum.GetName(signal)));
            Assert.Equal(expected, MessageAttributesBuilder.SignalNames(signals));
        }
    }
}
